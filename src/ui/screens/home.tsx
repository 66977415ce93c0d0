import { useEffect, useState } from 'react';
import { endSentence } from '../../course/sentence.js';
import {
  courseDone,
  type LessonStatus,
  lessonStatus,
  nextLessonIndex,
} from '../../progress/lesson-status.js';
import { dueCount } from '../../progress/review.js';
import { Frame } from '../components/frame.js';
import { progressBar } from '../components/progress-bar.js';
import { wrapHanging, wrapLines } from '../components/wrap.js';
import { useKeys } from '../input/use-keys.js';
import type { Theme } from '../theme.js';
import { contentWidth, type ScreenProps, toAction } from './screen-props.js';

/** A lesson's status in words and a symbol, so it reads without colour. */
export function statusText(s: LessonStatus, t: Theme): string {
  switch (s.kind) {
    case 'not started':
      return t.paint('muted', `${t.sym.radioOff} not started`);
    case 'in progress':
      return t.paint(
        'warning',
        s.answered > 0
          ? `${t.sym.arrowRight} quiz: ${s.answered}${s.questions === undefined ? '' : ` of ${s.questions}`} answered`
          : `${t.sym.arrowRight} page ${s.page + 1} of ${s.pages}`,
      );
    case 'done':
      return t.paint(
        'success',
        `${t.sym.tick} done${s.total !== undefined ? `, quiz ${s.score} of ${s.total}` : ''}`,
      );
  }
}

/** The course's whole welcome, each paragraph (blank-line separated) re-flowed as one line. */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
/** How often home counts the items due for review again. */
export const DUE_REFRESH_MS = 30_000;

/** Home: the course title, every lesson with its status, overall progress, the lesson to continue. */
export function HomeScreen({ state, dispatch, theme: t, size, now, isActive }: ScreenProps) {
  if (state.screen.kind !== 'home') throw new Error('HomeScreen needs the home screen');
  const { course, progress } = state;
  const cursor = state.screen.cursor;
  // Items fall due while home is open: count them again every half minute, not only on a key.
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), DUE_REFRESH_MS);
    timer.unref?.();
    return () => clearInterval(timer);
  }, []);
  const width = contentWidth(size.columns);
  const lines: string[] = [];
  const cont = nextLessonIndex(course, progress);
  // A notice (a moved-aside progress file) is shown in full here, not cut to the status line.
  if (state.notice)
    lines.push(
      ...wrapHanging(t.paint('warning', state.notice), width, t.paint('warning', `${t.sym.warning} `)),
    );
  if (state.isFirstRun) {
    for (const p of paragraphs(course.welcome)) lines.push(...wrapLines(p, width));
    lines.push(
      ...wrapLines(
        `Pick a lesson with ${t.unicode ? '↑/↓' : 'Up/Down'} and press Enter, or press p to practise; ? shows every key.`,
        width,
      ),
    );
  } else if (state.notice === null) {
    const l = course.lessons[cont]!;
    lines.push(
      ...wrapLines(
        endSentence(`Welcome back. Continue where you left off: lesson ${l.number}, ${l.title}`),
        width,
      ),
    );
  }
  // Live: answers given in this session schedule reviews too.
  const reviewDue = dueCount(progress, now());
  if (reviewDue > 0) {
    lines.push(
      t.paint(
        'accent',
        `${t.sym.info} ${reviewDue} item${reviewDue === 1 ? '' : 's'} due for review: press v to review ${reviewDue === 1 ? 'it' : 'them'}`,
      ),
    );
  }
  lines.push('');
  let focus = lines.length;
  course.lessons.forEach((lesson, i) => {
    const isCursor = i === cursor;
    if (isCursor) focus = lines.length;
    const pointer = isCursor ? t.paint('selected', `${t.sym.pointer} `) : '  ';
    const title = `${String(lesson.number).padStart(2)}. ${lesson.title}`;
    const tail = `  ${statusText(lessonStatus(lesson, progress, !state.isCourseReady), t)}${i === cont ? t.paint('accent', '  (continue here)') : ''}`;
    lines.push(
      ...wrapHanging((isCursor ? t.paint('selected', title) : title) + tail, width, pointer, '      '),
    );
  });
  lines.push('');
  const { done, total } = courseDone(course, progress);
  lines.push(progressBar(done, total, width, t));
  if (done === total && total > 0) lines.push('', ...wrapLines(course.closing.trim(), width));
  useKeys('home', (intent, n) => dispatch(toAction(intent, n, { now })), isActive);
  return (
    <Frame
      title={course.title}
      lines={lines}
      scroll={0}
      focus={focus}
      scope="home"
      size={size}
      theme={t}
      status={null}
    />
  );
}
