import { type LessonProgress, PROGRESS_FORMAT, type ProgressDoc } from './types.js';

/** Why a stored document cannot be used: it is not ours, or it is from an unknown format version. */
export type Unusable = { reason: 'corrupt'; detail: string } | { reason: 'unknown-version'; format: unknown };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function lessonProblem(id: string, v: unknown): string | undefined {
  if (!isObject(v)) return `lesson ${id} is not an object`;
  const l = v as Partial<LessonProgress>;
  if (!isCount(l.page) || !isCount(l.pagesSeen)) return `lesson ${id} has no valid page`;
  if (typeof l.done !== 'boolean') return `lesson ${id} has no valid done flag`;
  if (!isObject(l.answers)) return `lesson ${id} has no answers object`;
  for (const [item, a] of Object.entries(l.answers)) {
    if (!isObject(a) || typeof a.correct !== 'boolean' || typeof a.at !== 'string' || !isCount(a.attempts))
      return `answer ${id}/${item} is malformed`;
  }
  if (l.quiz !== undefined) {
    const q = l.quiz as unknown;
    if (!isObject(q) || !isCount(q.score) || !isCount(q.total) || typeof q.at !== 'string')
      return `quiz result of ${id} is malformed`;
  }
  if (l.attempt !== undefined) {
    const t = l.attempt as unknown;
    if (!isObject(t) || typeof t.seed !== 'string' || typeof t.started !== 'string')
      return `quiz attempt of ${id} is malformed`;
  }
  return undefined;
}

/** Checks a parsed progress document; returns it typed, or why it cannot be used. */
export function validateProgress(raw: unknown): { doc: ProgressDoc } | Unusable {
  if (!isObject(raw)) return { reason: 'corrupt', detail: 'not a JSON object' };
  if (raw.format !== PROGRESS_FORMAT) {
    return raw.format === undefined
      ? { reason: 'corrupt', detail: 'no format field' }
      : { reason: 'unknown-version', format: raw.format };
  }
  if (!isObject(raw.lessons)) return { reason: 'corrupt', detail: 'no lessons object' };
  for (const [id, l] of Object.entries(raw.lessons)) {
    const p = lessonProblem(id, l);
    if (p) return { reason: 'corrupt', detail: p };
  }
  if (raw.review !== undefined && !isObject(raw.review))
    return { reason: 'corrupt', detail: 'review is not an object' };
  if (raw.lastLesson !== undefined && typeof raw.lastLesson !== 'string')
    return { reason: 'corrupt', detail: 'lastLesson is not a string' };
  const doc = { ...raw, review: raw.review ?? {} } as unknown as ProgressDoc;
  return { doc };
}
