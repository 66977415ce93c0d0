import { gradeAnswer } from '../course/index.js';
import type { Grade, QuizItem } from '../course/types.js';
import type { PlainIO } from './line-io.js';
import { answerPrompt, answerText, formatDuration, parseAnswer } from './quiz-text.js';

/** One answered question. */
export interface PlainAnswer {
  item: QuizItem;
  grade: Grade;
  /** The hint was shown before the answer. */
  hinted: boolean;
  timeMs: number;
}

/** How a line-mode quiz ended and what was answered. */
export interface PlainQuizOutcome {
  answers: PlainAnswer[];
  /** done: every question answered; quit: the learner typed q; eof: the input ended. */
  ended: 'done' | 'quit' | 'eof';
  startedAt: Date;
  endedAt: Date;
}

/** What runPlainQuiz needs; it touches no file itself. */
export interface PlainQuizOptions {
  io: PlainIO;
  items: QuizItem[];
  /** A title above the first question, e.g. "Quiz: 5 questions (seed 7)". */
  title?: string;
  /** Resuming a quiz: `from` questions were answered before, of `of` in all (numbers the questions). */
  numbering?: { from: number; of: number };
  /** The clock (time taken per item and in all). */
  clock: () => Date;
  /** The labelled lines that show an item's fixture (from the engine); omitted → no card. */
  describeFixture?: (item: QuizItem) => Promise<string[]>;
  /** "lesson 3, EKU and Key Usage" for a lesson id: where a missed item is taught. */
  lessonLabel: (lessonId: string) => string;
  /** Called after every answer, before the next question: save progress and the review schedule here. */
  onAnswer?: (answer: PlainAnswer) => void;
}

async function askOne(
  opts: PlainQuizOptions,
  item: QuizItem,
): Promise<{ type: 'answer'; given: string[]; hinted: boolean } | { type: 'quit' | 'eof' }> {
  const { io } = opts;
  let hinted = false;
  for (;;) {
    const line = await io.ask(answerPrompt(item));
    if (line === null) return { type: 'eof' };
    const parsed = parseAnswer(item, line);
    if (parsed.type === 'answer') return { type: 'answer', given: parsed.given, hinted };
    if (parsed.type === 'quit') return { type: 'quit' };
    if (parsed.type === 'hint') {
      hinted = true;
      io.say(`Hint: ${item.hint}`);
    } else io.say(parsed.message);
  }
}

/**
 * Runs a quiz line by line: each question with its fixture card and numbered choices, the verdict
 * and explanation after each answer, and at the end the score, time taken and, for each missed
 * item, its explanation and the lesson to revisit. Stops cleanly on `q` or at the end of input.
 */
export async function runPlainQuiz(opts: PlainQuizOptions): Promise<PlainQuizOutcome> {
  const { io, items, clock } = opts;
  const startedAt = clock();
  const answers: PlainAnswer[] = [];
  let ended: PlainQuizOutcome['ended'] = 'done';
  if (opts.title) io.say(opts.title);
  for (const [n, item] of items.entries()) {
    io.say();
    const { from, of } = opts.numbering ?? { from: 0, of: items.length };
    io.say(`Question ${from + n + 1} of ${of} (${opts.lessonLabel(item.lessonId)})`);
    io.say(item.prompt);
    if (item.fixture && opts.describeFixture) {
      io.say();
      for (const l of await opts.describeFixture(item)) io.say(l);
    }
    io.say();
    for (const [i, c] of item.choices.entries()) io.say(`  ${i + 1}. ${c}`);
    const shownAt = clock();
    const r = await askOne(opts, item);
    if (r.type !== 'answer') {
      ended = r.type;
      break;
    }
    const grade = gradeAnswer(item, r.given);
    const answer = {
      item,
      grade,
      hinted: r.hinted,
      timeMs: Math.max(0, clock().getTime() - shownAt.getTime()),
    };
    answers.push(answer);
    opts.onAnswer?.(answer);
    io.say(grade.correct ? 'Right.' : `Not right. The answer: ${answerText(item)}.`);
    if (!grade.correct && grade.whyWrong) io.say(grade.whyWrong);
    io.say(grade.explanation);
  }
  const endedAt = clock();
  printSummary(opts, answers, ended, endedAt.getTime() - startedAt.getTime());
  return { answers, ended, startedAt, endedAt };
}

function printSummary(opts: PlainQuizOptions, answers: PlainAnswer[], ended: string, ms: number): void {
  const { io, items } = opts;
  const right = answers.filter((a) => a.grade.correct).length;
  io.say();
  if (ended !== 'done')
    io.say(`Stopped after ${answers.length} of ${items.length} questions; your progress is saved.`);
  const pct = answers.length ? Math.round((100 * right) / answers.length) : 0;
  io.say(`Score: ${right} of ${answers.length} right (${pct}%). Time taken: ${formatDuration(ms)}.`);
  const missed = answers.filter((a) => !a.grade.correct);
  if (missed.length === 0) return;
  io.say();
  io.say('To go over:');
  for (const a of missed) {
    io.say(`- ${a.item.prompt} The answer: ${answerText(a.item)}.`);
    io.say(`  ${a.grade.explanation}`);
    io.say(`  Revisit ${opts.lessonLabel(a.item.lessonId)}.`);
  }
}
