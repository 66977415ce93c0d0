import { useMemo } from 'react';
import { findLab, LABS } from '../../labs/catalog.js';
import { bodyMetrics, Frame } from '../components/frame.js';
import { wrapHanging, wrapLines } from '../components/wrap.js';
import { useKeys } from '../input/use-keys.js';
import { dualUseLines, labMenuLines, labResultLines, predictionLine } from './lab-lines.js';
import { contentWidth, type ScreenProps, scopeOf, toAction } from './screen-props.js';

/**
 * A TLS lab: the menu of what to try, then the run's result. The app runs the handshake when the
 * screen holds a 'running' run, and reports back; this screen only draws and sends intents.
 */
export function LabScreenView({ state, dispatch, theme: t, size, now, isActive }: ScreenProps) {
  const s = state.screen;
  if (s.kind !== 'lab') throw new Error('LabScreenView needs a lab screen');
  const lab = findLab(s.lab)!;
  const width = contentWidth(size.columns);
  const { lines, focus } = useMemo(() => {
    if (s.run === null) return labMenuLines(s, lab, width, t);
    const scenario = lab.scenarios.find((x) => x.id === s.run?.scenario);
    const out = wrapHanging(
      t.paint('strong', scenario?.label ?? s.run.scenario),
      width,
      `${t.sym.arrowRight} `,
    );
    out.push('');
    if (s.run.status === 'running')
      out.push(t.paint('muted', `${t.sym.info} running the handshake on 127.0.0.1...`));
    else if (s.run.status === 'failed')
      out.push(
        ...wrapLines(t.paint('danger', `${t.sym.cross} The lab could not run: ${s.run.message}`), width),
      );
    else {
      const r = s.run.result;
      const outcome = s.seen[`${s.lab}/${s.run.scenario}`];
      if (s.run.predicted && outcome) out.push(...predictionLine(s.run.predicted, outcome, width, t), '');
      out.push(...('asServer' in r ? dualUseLines(r, width, t) : labResultLines(r, width, t)));
    }
    return { lines: out, focus: undefined };
  }, [s, lab, width, t]);
  const { maxScroll, height: pageLines } = bodyMetrics(lines.length, size);
  useKeys(scopeOf(s), (intent, n) => dispatch(toAction(intent, n, { maxScroll, pageLines, now })), isActive);
  const i = LABS.findIndex((l) => l.id === s.lab);
  return (
    <Frame
      title={`TLS lab ${i + 1}/${LABS.length}: ${lab.title}`}
      lines={lines}
      scroll={s.run ? s.scroll : 0}
      focus={focus}
      scope={scopeOf(s)}
      size={size}
      theme={t}
      status={state.notice}
    />
  );
}
