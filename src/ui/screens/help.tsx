import { Frame } from '../components/frame.js';
import { wrapHanging } from '../components/wrap.js';
import { helpRows } from '../input/key-map.js';
import { useKeys } from '../input/use-keys.js';
import { contentWidth, type ScreenProps, scopeOf, toAction } from './screen-props.js';

/** The help overlay: every key of the screen underneath, generated from the key map. */
export function HelpOverlay({ state, dispatch, theme: t, size, now }: ScreenProps) {
  const scope = scopeOf(state.screen);
  const width = contentWidth(size.columns);
  const rows = helpRows(scope, t.unicode);
  const keyWidth = Math.min(28, Math.max(...rows.map((r) => r.keys.length)) + 2);
  const lines = rows.flatMap((r) =>
    wrapHanging(r.label, width, t.paint('strong', r.keys.padEnd(keyWidth)), ' '.repeat(keyWidth)),
  );
  lines.push('', t.paint('muted', 'Progress is saved after every page and every answer.'));
  useKeys('help', (intent, n) => dispatch(toAction(intent, n, { now })), true);
  return (
    <Frame
      title={`Keys on this screen (${scope.replace('-', ' ')})`}
      lines={lines}
      scroll={0}
      scope="help"
      size={size}
      theme={t}
      status={null}
    />
  );
}
