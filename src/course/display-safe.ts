/**
 * A course as a terminal front end may draw it: every text a pack author wrote (titles, welcome,
 * Markdown, prompts, choices, hints, explanations) with its control and bidirectional characters
 * made visible (src/escape.ts), so a pack can neither clear the screen, retitle the terminal nor
 * make a word read backwards. Ids, paths and answers-by-id stay as they are; a choice and the
 * answers naming it are escaped alike, so grading is unchanged.
 */
import { escapeControls, escapeDeep } from '../escape.js';
import type { Course, Lesson, PageBlock, QuizItem } from './types.js';

const line = (s: string) => escapeControls(s);
const text = (s: string) => escapeControls(s, true);

/** One quiz item with its texts escaped (authored or generated: a generated prompt may quote a name). */
export function displaySafeItem(i: QuizItem): QuizItem {
  return {
    ...i,
    prompt: text(i.prompt),
    choices: i.choices.map(line),
    answer: i.answer.map(line),
    hint: text(i.hint),
    explanation: text(i.explanation),
    wrong: Object.fromEntries(Object.entries(i.wrong).map(([k, v]) => [line(k), text(v)])),
  };
}

const block = (b: PageBlock): PageBlock => (b.type === 'markdown' ? { ...b, text: text(b.text) } : b);

function lesson(l: Lesson): Lesson {
  return {
    ...l,
    title: line(l.title),
    summary: text(l.summary),
    pages: l.pages.map((p) => ({
      ...p,
      ...(p.title ? { title: line(p.title) } : {}),
      blocks: p.blocks.map(block),
    })),
    quiz: l.quiz.map(displaySafeItem),
  };
}

/** The course with every author-written text escaped for the terminal. */
export function displaySafeCourse(c: Course): Course {
  return {
    ...c,
    title: line(c.title),
    welcome: text(c.welcome),
    closing: text(c.closing),
    lessons: c.lessons.map(lesson),
    ...(c.problems ? { problems: escapeDeep(c.problems) } : {}),
    ...(c.warnings ? { warnings: escapeDeep(c.warnings) } : {}),
  };
}
