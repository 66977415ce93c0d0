import { ANSWER_HIGHLIGHT, isFileQuestion, NEUTRAL_FILE_LABEL } from '../../course/present-question.js';
import { Frame } from '../components/frame.js';
import { wrapHanging, wrapLines } from '../components/wrap.js';
import { useKeys } from '../input/use-keys.js';
import { currentItem, lessonById } from '../state/course-nav.js';
import { COMPACT_CARD_ROWS, cardLines, fileLines } from './cert-lines.js';
import { contentWidth, type ScreenProps, toAction } from './screen-props.js';

/** The quiz (a lesson's, or a review round): one item at a time, choices, hint, and the explanation under the answer. */
export function QuizScreen({ state, dispatch, theme: t, size, certs, now, isActive }: ScreenProps) {
  const s = state.screen;
  if (s.kind !== 'quiz') throw new Error('QuizScreen needs a quiz screen');
  const item = currentItem(state, s);
  const lesson = lessonById(state.course, s.lessonId ?? item.lessonId);
  const width = contentWidth(size.columns);
  const isMulti = item.kind === 'multi-choice';
  const lines: string[] = [];
  // A review or practice round mixes lessons: say which one this item comes from.
  if (s.items)
    lines.push(...wrapLines(t.paint('muted', `From lesson ${lesson.number}, ${lesson.title}`), width));
  lines.push(...wrapLines(t.paint('strong', item.prompt), width));
  if (isMulti)
    lines.push(
      t.paint('muted', 'Several answers may be right: tick them with Space or their number, then Enter.'),
    );
  lines.push('');
  let focus = lines.length;
  const a = s.answered;
  item.choices.forEach((choice, i) => {
    const isCursor = i === s.cursor && !a;
    if (isCursor) focus = lines.length;
    const ticked = isMulti
      ? s.picked.includes(i)
        ? t.sym.checkboxOn
        : t.sym.checkboxOff
      : isCursor
        ? t.sym.radioOn
        : t.sym.radioOff;
    const pointer = isCursor ? t.paint('selected', `${t.sym.pointer} `) : '  ';
    let verdict = '';
    if (a) {
      const isRight = a.expected.includes(choice);
      const isGiven = a.given.includes(choice);
      if (isRight) verdict = t.paint('success', `  ${t.sym.tick} right answer`);
      else if (isGiven) verdict = t.paint('danger', `  ${t.sym.cross} your answer`);
      if (isRight && isGiven) verdict = t.paint('success', `  ${t.sym.tick} your answer, right`);
    }
    const text = `${ticked} ${i + 1}. ${choice}`;
    lines.push(
      ...wrapHanging((isCursor ? t.paint('selected', text) : text) + verdict, width, pointer, '      '),
    );
  });
  if (s.isHintShown && !a) lines.push('', ...wrapHanging(item.hint, width, t.paint('accent', 'Hint: ')));
  if (a) {
    lines.push('');
    lines.push(
      a.correct
        ? t.paint('success', `${t.sym.tick} Right.`)
        : t.paint('danger', `${t.sym.cross} Not quite: the answer is ${a.expected.join(', ')}.`),
    );
    if (!a.correct && a.whyWrong) lines.push(...wrapLines(a.whyWrong, width));
    lines.push(...wrapLines(a.explanation, width));
    lines.push(
      '',
      t.paint(
        'accent',
        `Press Enter for ${s.pos + 1 < s.queue.length ? 'the next question' : 'your score'}.`,
      ),
    );
    focus = lines.length - 1;
  }
  if (item.fixture) {
    lines.push('');
    const highlight = a ? (ANSWER_HIGHLIGHT[item.kind] ?? []) : [];
    // Before the answer, the card shows the fields only: the engine's kind and purposes would give it away.
    if (isFileQuestion(item)) {
      // A question on a whole file: its contents, under a neutral name until answered.
      const label = a ? item.fixture.ref.replace(/^builtin:/, '') : `The file (${NEUTRAL_FILE_LABEL})`;
      lines.push(...fileLines(certs, item.fixture.path, label, width, t, !a));
    } else {
      const { path, index } = item.fixture;
      lines.push(...cardLines(certs, path, index, highlight, width, t, !a, size.rows < COMPACT_CARD_ROWS));
    }
  }
  useKeys('quiz', (intent, n) => dispatch(toAction(intent, n, { now })), isActive);
  const round = s.items
    ? `${s.practiceSeed ? 'Practice' : 'Review'}${s.isRetry ? ' retry' : ''}`
    : `Lesson ${lesson.number} ${s.isRetry ? 'retry' : 'quiz'}`;
  return (
    <Frame
      title={`${round}  ${t.sym.vLine} question ${s.pos + 1} of ${s.queue.length}  ${t.sym.vLine} score ${s.score}/${s.total}`}
      lines={lines}
      scroll={0}
      focus={focus}
      scope="quiz"
      unavailable={item.fixture ? [] : ['inspect']}
      size={size}
      theme={t}
      status={state.notice}
    />
  );
}
