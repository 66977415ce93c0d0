import { Frame } from '../components/frame.js';
import { wrapHanging, wrapLines } from '../components/wrap.js';
import { useKeys } from '../input/use-keys.js';
import { courseDone, lessonById } from '../state/course-nav.js';
import { contentWidth, type ScreenProps, toAction } from './screen-props.js';

/** The end of a quiz round: the score, what was missed, and the offer to retry it now. */
export function ScoreScreen({ state, dispatch, theme: t, size, now, isActive }: ScreenProps) {
  const s = state.screen;
  if (s.kind !== 'score') throw new Error('ScoreScreen needs a score screen');
  const lesson = lessonById(state.course, s.lessonId);
  const width = contentWidth(size.columns);
  const lines: string[] = [];
  const right = s.isRetry ? s.total - s.missed.length : s.score;
  lines.push(t.paint('strong', `You scored ${right} of ${s.total}${s.isRetry ? ' in the retry' : ''}.`), '');
  if (s.missed.length) {
    lines.push('Missed:');
    for (const id of s.missed) {
      const q = lesson.quiz.find((x) => x.id === id);
      lines.push(...wrapHanging(q?.prompt ?? id, width, `  ${t.paint('danger', t.sym.cross)} `, '    '));
    }
    lines.push(
      '',
      t.paint('accent', `Press r to retry the ${s.missed.length} you missed now, or Enter to go on.`),
    );
  } else {
    lines.push(
      t.paint('success', `${t.sym.tick} Every answer right.`),
      '',
      t.paint('accent', 'Press Enter to go on.'),
    );
  }
  const { done, total } = courseDone(state.course, state.progress);
  if (done === total) lines.push('', ...wrapLines(state.course.closing.trim(), width));
  useKeys('score', (intent, n) => dispatch(toAction(intent, n, { now })), isActive);
  return (
    <Frame
      title={`Lesson ${lesson.number}: ${lesson.title}  ${t.sym.vLine} quiz score`}
      lines={lines}
      scroll={0}
      scope="score"
      size={size}
      theme={t}
      status={state.notice}
    />
  );
}
