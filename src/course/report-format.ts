import type { GroupSummary } from './report-summary.js';

const duration = (s: number) =>
  s >= 60 ? `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s` : `${s}s`;
const percent = (p: number) => `${Number.isInteger(p) ? p : p.toFixed(1)}%`;

/** A class summary as plain text, one block per quiz (seed + course version). */
export function formatReportText(groups: GroupSummary[]): string {
  const out: string[] = [];
  for (const g of groups) {
    if (out.length) out.push('');
    const n = g.students.length;
    out.push(
      `Quiz with seed ${g.seed}, ${g.courseTitle} version ${g.courseVersion}: ${n} ${n === 1 ? 'student' : 'students'}`,
    );
    out.push('', 'Students (right answers, score, time taken):');
    const w = Math.max(4, ...g.students.map((s) => s.name.length));
    for (const s of g.students) {
      const name = s.name === '' ? '(no name)' : s.name;
      out.push(
        `  ${name.padEnd(w)}  ${`${s.correct}/${s.total}`.padStart(5)}  ${percent(s.percent).padStart(6)}  ${duration(s.durationSeconds)}`,
      );
    }
    out.push('', 'Items, hardest first (share of the class that answered right):');
    for (const it of g.items) {
      out.push(
        `  ${percent(it.percent).padStart(6)}  ${it.correct}/${it.answered}  ${it.lessonId}/${it.id}: ${it.prompt}`,
      );
    }
    out.push('', 'Lessons to revisit:');
    if (g.revisit.length === 0) out.push('  none: the class got at least 70% of every lesson right');
    for (const l of g.revisit)
      out.push(`  ${l.lessonId} (${percent(l.percent)} right, ${l.correct}/${l.answered})`);
  }
  return `${out.join('\n')}\n`;
}

/** One CSV field, quoted per RFC 4180 when it holds a comma, quote or line break. */
function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV header: every row is a student, an item or a lesson to revisit, of one quiz. */
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
];

/** A class summary as one CSV table (RFC 4180, CRLF line ends, a header row). */
export function formatReportCsv(groups: GroupSummary[]): string {
  const rows: (string | number)[][] = [REPORT_CSV_HEADER];
  for (const g of groups) {
    const head = [g.seed, g.courseVersion];
    for (const s of g.students)
      rows.push([...head, 'student', s.name, '', s.correct, s.total, s.percent, s.durationSeconds]);
    for (const i of g.items)
      rows.push([...head, 'item', i.id, i.lessonId, i.correct, i.answered, i.percent, '']);
    for (const l of g.revisit)
      rows.push([...head, 'revisit', l.lessonId, l.lessonId, l.correct, l.answered, l.percent, '']);
  }
  return rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}
