import { useMemo } from 'react';
import { bodyMetrics, Frame } from '../components/frame.js';
import { useKeys } from '../input/use-keys.js';
import { exerciseLines } from './exercise-lines.js';
import { contentWidth, type ScreenProps, scopeOf, toAction } from './screen-props.js';

/**
 * A hands-on exercise: the latest check of its folder, hints on request, the reference solution
 * after a pass. The app runs the checks (when the screen holds `checking`) and watches the folder.
 */
export function ExerciseScreenView({ state, dispatch, theme: t, size, now, isActive }: ScreenProps) {
  const s = state.screen;
  if (s.kind !== 'exercise') throw new Error('ExerciseScreenView needs an exercise screen');
  const list = state.exercises ?? [];
  const i = list.findIndex((e) => e.id === s.id);
  const view = list[i];
  const width = contentWidth(size.columns);
  const lines = useMemo(() => (view ? exerciseLines(s, view, width, t) : []), [s, view, width, t]);
  const { maxScroll } = bodyMetrics(lines.length, size);
  useKeys(scopeOf(s), (intent, n) => dispatch(toAction(intent, n, { maxScroll, now })), isActive);
  return (
    <Frame
      title={`Exercise ${i + 1}/${list.length}: ${view?.title ?? s.id}`}
      lines={lines}
      scroll={s.scroll}
      scope={scopeOf(s)}
      size={size}
      theme={t}
      status={state.notice}
    />
  );
}
