import { courseDone } from '../../progress/lesson-status.js';
import { Frame } from '../components/frame.js';
import { wrapHanging, wrapLines } from '../components/wrap.js';
import { useKeys } from '../input/use-keys.js';
import { lessonById, roundItem } from '../state/course-nav.js';
import { contentWidth, type ScreenProps, toAction } from './screen-props.js';

const items = (n: number) => `${n} item${n === 1 ? '' : 's'}`;

/** The end of a round (a lesson's quiz, a review or a practice round): the score, what was missed, and the offer to retry it now. */
export function ScoreScreen({ state, dispatch, theme: t, size, now, isActive }: ScreenProps) {
  const s = state.screen;
  if (s.kind !== 'score') throw new Error('ScoreScreen needs a score screen');
  const lesson = s.lessonId === null ? null : lessonById(state.course, s.lessonId);
  const width = contentWidth(size.columns);
  const lines: string[] = [];
  const right = s.isRetry ? s.total - s.missed.length : s.score;
  const again = s.isRetry ? ' again' : '';
  lines.push(
    t.paint(
      'strong',
      lesson
        ? `You scored ${right} of ${s.total}${s.isRetry ? ' in the retry' : ''}.`
        : s.practiceSeed
          ? `Practice${s.isRetry ? ' retry' : ''}: ${right} of ${s.total} right.`
          : `Reviewed ${items(s.total)}${again}, ${right} right.`,
    ),
    '',
  );
  const onward = lesson ? 'go on' : 'go home';
  if (s.missed.length) {
    lines.push('Missed:');
    for (const key of s.missed) {
      const q = roundItem(state.course, s, key);
      lines.push(...wrapHanging(q?.prompt ?? key, width, `  ${t.paint('danger', t.sym.cross)} `, '    '));
    }
    lines.push(
      '',
      t.paint('accent', `Press r to retry the ${s.missed.length} you missed now, or Enter to ${onward}.`),
    );
  } else {
    lines.push(
      t.paint('success', `${t.sym.tick} Every answer right.`),
      '',
      t.paint('accent', `Press Enter to ${onward}.`),
    );
  }
  const { done, total } = courseDone(state.course, state.progress);
  if (lesson && done === total) lines.push('', ...wrapLines(state.course.closing.trim(), width));
  useKeys('score', (intent, n) => dispatch(toAction(intent, n, { now })), isActive);
  return (
    <Frame
      title={
        lesson
          ? `Lesson ${lesson.number}: ${lesson.title}  ${t.sym.vLine} quiz score`
          : `${s.practiceSeed ? 'Practice' : 'Review'}  ${t.sym.vLine} score`
      }
      lines={lines}
      scroll={0}
      scope="score"
      size={size}
      theme={t}
      status={state.notice}
    />
  );
}
