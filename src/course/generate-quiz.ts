import { type Random, sample, seededRandom, shuffled } from './generate-random.js';
import { presentQuiz } from './present-question.js';
import type { Course, QuizItem } from './types.js';

/** What a quiz is drawn from. */
export interface QuizRequest {
  course: Course;
  /** Items generated from the fixtures (generateItems). */
  generated: QuizItem[];
  /** Only this lesson's items (authored and generated); all lessons when absent. */
  lessonId?: string;
  /** How many questions (default 10); fewer when the pool is smaller. */
  count?: number;
  seed: string;
}

/** The generator kind of a generated item id (`gen:classify:...` → classify). */
const genKind = (i: QuizItem) => i.id.split(':')[1] ?? '';

/**
 * Up to `n` generated items spread over the kinds of question: kinds are visited in a random
 * order, round after round, each giving one random item, so a short quiz is not all one kind.
 */
function sampleSpread(items: QuizItem[], n: number, random: Random): QuizItem[] {
  const byKind = new Map<string, QuizItem[]>();
  for (const i of items) byKind.set(genKind(i), [...(byKind.get(genKind(i)) ?? []), i]);
  const pools = shuffled([...byKind.keys()].sort(), random).map((k) => shuffled(byKind.get(k)!, random));
  const out: QuizItem[] = [];
  while (out.length < n && pools.some((p) => p.length > 0)) {
    for (const p of pools) if (out.length < n && p.length > 0) out.push(p.shift()!);
  }
  return out;
}

/**
 * Draws a quiz: half authored items and half generated ones (spread over the kinds of question) (the other kind makes up for a pool
 * that runs short), in a shuffled order, presented (presentQuiz: each item's choices in the seed's order). Deterministic: the same seed and the
 * same course give the same questions, order and choice order on any machine and any date.
 */
export function buildQuiz(req: QuizRequest): QuizItem[] {
  const count = Math.max(1, req.count ?? 10);
  const inLesson = (i: QuizItem) => req.lessonId === undefined || i.lessonId === req.lessonId;
  const authored = req.course.lessons.flatMap((l) => l.quiz).filter(inLesson);
  const generated = req.generated.filter(inLesson);
  const random = seededRandom(`${req.seed}|quiz`);
  let nAuthored = Math.min(authored.length, Math.ceil(count / 2));
  const nGenerated = Math.min(generated.length, count - nAuthored);
  nAuthored = Math.min(authored.length, count - nGenerated);
  const picked = [...sample(authored, nAuthored, random), ...sampleSpread(generated, nGenerated, random)];
  return presentQuiz(shuffled(picked, random), req.seed);
}
