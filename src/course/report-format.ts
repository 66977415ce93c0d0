import type { GroupSummary } from './report-summary.js';

const duration = (s: number) =>
  s >= 60 ? `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s` : `${s}s`;
const percent = (p: number) => `${Number.isInteger(p) ? p : p.toFixed(1)}%`;

const BAR_WIDTH = 10;

/** The share right as a bar of BAR_WIDTH cells, rounded to the nearest cell; `#`/`.` without Unicode. */
export function shareBar(percent: number, unicode: boolean): string {
  const full = Math.round((Math.min(100, Math.max(0, percent)) / 100) * BAR_WIDTH);
  const [on, off] = unicode ? ['█', '░'] : ['#', '.'];
  return on.repeat(full) + off.repeat(BAR_WIDTH - full);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * A class summary as plain text, one block per quiz (seed + course version): the students, then
 * the questions hardest first with the share of the class that got each right as a bar (what to
 * re-teach), then the lessons to revisit.
 */
export function formatReportText(
  groups: GroupSummary[],
  opts: { unicode: boolean } = { unicode: true },
): string {
  const out: string[] = [];
  for (const g of groups) {
    if (out.length) out.push('');
    const n = g.students.length;
    out.push(
      `Quiz with seed ${g.seed}, ${g.courseTitle} version ${g.courseVersion}: ${plural(n, 'student')}`,
    );
    out.push('', 'Students (right of answered, score, time taken):');
    const w = Math.max(4, ...g.students.map((s) => s.name.length));
    for (const s of g.students) {
      const name = s.name === '' ? '(no name)' : s.name;
      const stopped = s.incomplete ? `  incomplete: stopped after ${s.total} of ${s.questions}` : '';
      out.push(
        `  ${name.padEnd(w)}  ${`${s.correct}/${s.total}`.padStart(5)}  ${percent(s.percent).padStart(6)}  ${duration(s.durationSeconds)}${stopped}`,
      );
    }
    out.push('', 'Questions, most missed first (bar: share of the class that answered right):');
    for (const it of g.items) {
      out.push(
        `  ${shareBar(it.percent, opts.unicode)} ${percent(it.percent).padStart(6)}  ${`${it.correct}/${it.answered}`.padStart(5)}  ${it.lessonId}/${it.id}: ${it.prompt}`,
      );
    }
    out.push('', 'Lessons to revisit:');
    if (g.revisit.length === 0) out.push('  none: the class got at least 70% of every lesson right');
    for (const l of g.revisit)
      out.push(
        `  ${l.title ? `${l.title} (${l.lessonId})` : l.lessonId}: ${percent(l.percent)} right, ${l.correct}/${l.answered}`,
      );
  }
  return `${out.join('\n')}\n`;
}

/**
 * One CSV field, quoted per RFC 4180 when it holds a comma, quote or line break. A text that a
 * spreadsheet would run as a formula (it starts with =, +, -, @, tab or CR) gets a leading single
 * quote, as OWASP's "CSV Injection" page recommends; numbers are written as they are.
 */
export function csvField(v: string | number): string {
  const s = typeof v === 'number' ? String(v) : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The CSV header: every row is a student, an item or a lesson to revisit, of one quiz. `total` is
 * the questions answered (the student's own denominator); `questions` is how many the quiz had.
 */
export const REPORT_CSV_HEADER = [
  'seed',
  'course_version',
  'record',
  'key',
  'lesson',
  'correct',
  'total',
  'percent',
  'seconds',
  'questions',
];

/** A class summary as one CSV table (RFC 4180, CRLF line ends, a header row). */
export function formatReportCsv(groups: GroupSummary[]): string {
  const rows: (string | number)[][] = [REPORT_CSV_HEADER];
  for (const g of groups) {
    const head = [g.seed, g.courseVersion];
    for (const s of g.students)
      rows.push([
        ...head,
        'student',
        s.name,
        '',
        s.correct,
        s.total,
        s.percent,
        s.durationSeconds,
        s.questions,
      ]);
    for (const i of g.items)
      rows.push([...head, 'item', i.id, i.lessonId, i.correct, i.answered, i.percent, '', '']);
    for (const l of g.revisit)
      rows.push([...head, 'revisit', l.lessonId, l.lessonId, l.correct, l.answered, l.percent, '', '']);
  }
  return rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}
