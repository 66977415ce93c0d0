import { z } from 'zod';
import {
  type AnswerRecord,
  type ExerciseRecord,
  type LessonProgress,
  PROGRESS_FORMAT,
  type ProgressDoc,
  type QuizResult,
  type ReviewCardData,
} from './types.js';

/** Why a stored document cannot be used: it is not ours, or it is from an unknown format version. */
export type Unusable = { reason: 'corrupt'; detail: string } | { reason: 'unknown-version'; format: unknown };

/** A usable document, and the damaged parts left out of it (one short phrase each; empty when none). */
export interface Checked {
  doc: ProgressDoc;
  dropped: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// An instant as toISOString writes it (RFC 3339 with Z or an offset) that names a real date.
const instant = z.iso.datetime({ offset: true }).refine((s) => !Number.isNaN(Date.parse(s)));
const count = z.number().int().nonnegative();
const finite = z.number().finite();

const answerSchema = z.object({ correct: z.boolean(), at: instant, attempts: count });
const quizSchema = z
  .object({ score: count, total: count, at: instant })
  .refine((q) => q.score <= q.total, 'a score above its total');
const attemptSchema = z.object({ seed: z.string().min(1), started: instant });
const cardSchema = z.object({
  due: instant,
  stability: finite.nonnegative(),
  difficulty: finite,
  elapsed_days: finite.nonnegative(),
  scheduled_days: finite.nonnegative(),
  learning_steps: count,
  reps: count,
  lapses: count,
  state: z.number().int().min(0).max(3),
  last_review: instant.optional(),
});

/** The first problem zod found, as a short phrase (`due: ...`). */
const why = (e: z.ZodError) => {
  const i = e.issues[0];
  return i ? `${i.path.join('.') || 'value'}: ${i.message}` : 'malformed';
};

// Keys that would change an object's prototype when assigned: never a lesson or item id.
const badKey = (k: string) => k === '__proto__' || k === 'constructor' || k === 'prototype';

function checkLesson(id: string, v: unknown, dropped: string[]): LessonProgress | undefined {
  if (!isObject(v)) {
    dropped.push(`lesson ${id} (not an object)`);
    return undefined;
  }
  const countOr = (x: unknown, field: string, fallback: number) => {
    if (count.safeParse(x).success) return x as number;
    dropped.push(`lesson ${id} ${field} (${JSON.stringify(x) ?? 'missing'}, not a page number)`);
    return fallback;
  };
  const page = countOr(v.page, 'page', 0);
  const pagesSeen = Math.max(countOr(v.pagesSeen, 'pagesSeen', page + 1), page + 1);
  let done = false;
  if (typeof v.done === 'boolean') done = v.done;
  else dropped.push(`lesson ${id} done flag`);
  const answers: Record<string, AnswerRecord> = {};
  if (isObject(v.answers)) {
    for (const [item, a] of Object.entries(v.answers)) {
      const r = answerSchema.safeParse(a);
      if (r.success && !badKey(item)) answers[item] = r.data;
      else dropped.push(`answer ${id}/${item} (${r.success ? 'reserved id' : why(r.error)})`);
    }
  } else if (v.answers !== undefined) dropped.push(`lesson ${id} answers (not an object)`);
  const out: LessonProgress = { page, pagesSeen, done, answers };
  if (v.quiz !== undefined) {
    const r = quizSchema.safeParse(v.quiz);
    if (r.success) out.quiz = r.data satisfies QuizResult;
    else dropped.push(`quiz result of ${id} (${why(r.error)})`);
  }
  if (v.attempt !== undefined) {
    const r = attemptSchema.safeParse(v.attempt);
    if (r.success) out.attempt = r.data;
    else dropped.push(`quiz attempt of ${id} (${why(r.error)})`);
  }
  return out;
}

/**
 * Checks a parsed progress document, every part of it. A document that is not ours (not an object,
 * no format, no lessons object) or of another format version is unusable as a whole; inside a usable
 * one, each damaged part is left out (a lesson, an answer, a quiz score, a review card) or clamped to
 * a safe value (a page), and named in `dropped`, so one bad entry never costs the rest.
 */
export function validateProgress(raw: unknown): Checked | Unusable {
  if (!isObject(raw)) return { reason: 'corrupt', detail: 'not a JSON object' };
  if (raw.format !== PROGRESS_FORMAT) {
    return raw.format === undefined
      ? { reason: 'corrupt', detail: 'no format field' }
      : { reason: 'unknown-version', format: raw.format };
  }
  if (!isObject(raw.lessons)) return { reason: 'corrupt', detail: 'no lessons object' };
  if (raw.review !== undefined && !isObject(raw.review))
    return { reason: 'corrupt', detail: 'review is not an object' };
  const dropped: string[] = [];
  const lessons: Record<string, LessonProgress> = {};
  for (const [id, l] of Object.entries(raw.lessons)) {
    if (badKey(id)) {
      dropped.push(`lesson ${id} (reserved id)`);
      continue;
    }
    const lesson = checkLesson(id, l, dropped);
    if (lesson) lessons[id] = lesson;
  }
  const review: Record<string, ReviewCardData> = {};
  for (const [key, c] of Object.entries(raw.review ?? {})) {
    const r = cardSchema.safeParse(c);
    if (r.success && !badKey(key)) review[key] = r.data;
    else dropped.push(`review card ${key} (${r.success ? 'reserved id' : why(r.error)})`);
  }
  const doc: ProgressDoc = { format: PROGRESS_FORMAT, lessons, review };
  const exercises = checkExercises(raw.exercises, dropped);
  if (exercises) doc.exercises = exercises;
  if (typeof raw.lastLesson === 'string') doc.lastLesson = raw.lastLesson;
  else if (raw.lastLesson !== undefined) dropped.push('lastLesson (not a string)');
  return { doc, dropped };
}

const exerciseSchema = z.object({
  passed: z.boolean(),
  at: instant,
  checks: count,
  passedAt: instant.optional(),
});

/** The hands-on exercises' records, keyed by exercise id; a malformed one is dropped and named. */
function checkExercises(raw: unknown, dropped: string[]): Record<string, ExerciseRecord> | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) {
    dropped.push('exercises (not an object)');
    return undefined;
  }
  const out: Record<string, ExerciseRecord> = {};
  for (const [id, x] of Object.entries(raw)) {
    const r = exerciseSchema.safeParse(x);
    if (r.success && !badKey(id)) {
      const { passedAt, ...rest } = r.data;
      out[id] = { ...rest, ...(passedAt ? { passedAt } : {}) };
    } else dropped.push(`exercise ${id} (${r.success ? 'reserved id' : 'malformed'})`);
  }
  return out;
}
