import type { QuizResults, ResultItem } from './results-file.js';

/** One student's line of a class summary. */
export interface StudentSummary {
  name: string;
  /** The results file it came from. */
  file: string;
  correct: number;
  /** Questions answered: the denominator the student's own score screen used. */
  total: number;
  /** Questions in the quiz; more than `total` when the student stopped early. */
  questions: number;
  /** Stopped before the last question. */
  incomplete: boolean;
  percent: number;
  durationSeconds: number;
}

/** How the class did on one item. */
export interface ItemSummary {
  id: string;
  lessonId: string;
  prompt: string;
  answered: number;
  correct: number;
  percent: number;
}

/** A lesson the class should revisit, with its items' combined score. */
export interface LessonSummary {
  lessonId: string;
  /** "Lesson 8, Today's web PKI" as the results files name it; absent when no file did. */
  title?: string;
  answered: number;
  correct: number;
  percent: number;
}

/** The summary of the results that share one seed and one course version (the same quiz). */
export interface GroupSummary {
  seed: string;
  courseVersion: string;
  courseTitle: string;
  students: StudentSummary[];
  /** Hardest first (lowest percentage), then by id. */
  items: ItemSummary[];
  /** Lessons whose items the class got right less than `revisitBelow` percent of the time, worst first. */
  revisit: LessonSummary[];
}

/** A results file already read, with the path it came from. */
export interface NamedResults {
  file: string;
  results: QuizResults;
}

const pct = (n: number, d: number) => (d === 0 ? 0 : Math.round((1000 * n) / d) / 10);

/**
 * The answers of one results file that count: each item once (its first answer; a file that
 * repeats an item is not allowed to weigh more) and never more answers than the quiz had questions.
 */
export function countedItems(r: QuizResults): ResultItem[] {
  const seen = new Set<string>();
  const out: ResultItem[] = [];
  for (const it of r.items) {
    if (out.length >= r.questions) break;
    const key = JSON.stringify([it.lessonId, it.id]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(it);
  }
  return out;
}

function summariseGroup(members: NamedResults[], revisitBelow: number): GroupSummary {
  const first = members[0]!.results;
  const counted = members.map(({ file, results }) => ({ file, r: results, items: countedItems(results) }));
  const students = counted.map(({ file, r, items }) => {
    const correct = items.filter((i) => i.correct).length;
    const total = items.length;
    const ms = Date.parse(r.endedAt) - Date.parse(r.startedAt);
    return {
      name: r.name,
      file,
      correct,
      total,
      questions: r.questions,
      incomplete: total < r.questions,
      percent: pct(correct, total),
      durationSeconds: Math.max(0, Math.round(ms / 1000)),
    };
  });
  students.sort(
    (a, b) => b.percent - a.percent || a.name.localeCompare(b.name) || a.file.localeCompare(b.file),
  );

  const items = new Map<string, ItemSummary>();
  const lessons = new Map<string, LessonSummary>();
  for (const { items: answered } of counted) {
    for (const it of answered) {
      const key = `${it.lessonId}/${it.id}`;
      const s = items.get(key) ?? {
        id: it.id,
        lessonId: it.lessonId,
        prompt: it.prompt,
        answered: 0,
        correct: 0,
        percent: 0,
      };
      s.answered++;
      if (it.correct) s.correct++;
      items.set(key, s);
      const l = lessons.get(it.lessonId) ?? { lessonId: it.lessonId, answered: 0, correct: 0, percent: 0 };
      l.answered++;
      if (it.correct) l.correct++;
      lessons.set(it.lessonId, l);
    }
  }
  const itemList = [...items.values()].map((s) => ({ ...s, percent: pct(s.correct, s.answered) }));
  itemList.sort(
    (a, b) => a.percent - b.percent || a.lessonId.localeCompare(b.lessonId) || a.id.localeCompare(b.id),
  );
  const titles = Object.assign({}, ...members.map((m) => m.results.lessonTitles ?? {})) as Record<
    string,
    string
  >;
  const revisit = [...lessons.values()]
    .map((l) => ({
      ...l,
      ...(titles[l.lessonId] ? { title: titles[l.lessonId] } : {}),
      percent: pct(l.correct, l.answered),
    }))
    .filter((l) => l.percent < revisitBelow)
    .sort((a, b) => a.percent - b.percent || a.lessonId.localeCompare(b.lessonId));
  return {
    seed: first.seed,
    courseVersion: first.courseVersion,
    courseTitle: first.courseTitle,
    students,
    items: itemList,
    revisit,
  };
}

/**
 * Summarises a class: results are grouped by seed and course version (different quizzes are never
 * mixed), groups in the order of their first file. A lesson is to revisit when the class answered
 * its items right less than `revisitBelow` percent of the time (default 70).
 */
export function summariseClass(all: NamedResults[], revisitBelow = 70): GroupSummary[] {
  const groups = new Map<string, NamedResults[]>();
  for (const r of all) {
    const key = JSON.stringify([r.results.seed, r.results.courseVersion]);
    const g = groups.get(key) ?? [];
    g.push(r);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => summariseGroup(g, revisitBelow));
}
