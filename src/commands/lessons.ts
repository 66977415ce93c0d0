import { isAbsolute, relative } from 'node:path';
import { UsageError } from '../cli-args.js';
import { fixtureReader } from '../course/fixture-open.js';
import { CourseError, checkPack, formatProblem, loadCourse } from '../course/index.js';
import { explainLines, kindWarnings, validityWarnings } from '../course/pack-explain.js';
import { purposeWarnings } from '../course/pack-purpose-warnings.js';
import type { Course } from '../course/types.js';
import { escapeControls } from '../escape.js';
import { lessonsDir } from '../paths.js';
import { LESSONS } from './index.js';
import { parseCommand } from './spec.js';
import type { CommandContext } from './types.js';

/**
 * `cert-tutor lessons [--lessons DIR]` lists the course; `cert-tutor lessons --check [DIR]`
 * checks a lesson pack: exit 0 and one "pack is sound" line (after any warnings, and with
 * `--explain` each computed answer), or exit 1 and one `file:line: message` line per problem.
 */
export async function run(argv: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommand(argv, LESSONS);
  if (positionals.length > 1 || (positionals.length === 1 && !values.check)) {
    throw new UsageError(`unexpected argument ${positionals[values.check ? 1 : 0]}`);
  }
  if (positionals[0] !== undefined && values.lessons !== undefined) {
    throw new UsageError('give the pack folder once: --check DIR or --lessons DIR');
  }
  const given = positionals[0] ?? values.lessons;
  // Problems name files under the folder as the user typed it (the built-in one relative to here).
  const dir = given ?? shortPath(lessonsDir());
  if (values.explain && !values.check) throw new UsageError('--explain goes with --check');
  // Everything printed here quotes a pack someone else wrote: escaped on the way out (src/escape.ts).
  const write = (to: CommandContext['stdout']) => (s: string) => to.write(escapeControls(s, true));
  const safe = {
    ...ctx,
    stdout: { write: write(ctx.stdout) },
    stderr: { write: write(ctx.stderr) },
  } as CommandContext;
  return values.check ? check(dir, safe, values.explain === true) : list(dir, safe);
}

async function check(dir: string, ctx: CommandContext, explain: boolean): Promise<number> {
  const course = await loadCourse(dir, { now: ctx.now }).catch((err: unknown) => {
    if (err instanceof CourseError) return undefined;
    throw err;
  });
  // An unusable pack still gets every problem listed, not just the first.
  const problems = course ? (course.problems ?? []) : await checkPack(dir, { now: ctx.now });
  if (!course || problems.length) {
    ctx.stdout.write(problems.map((p) => `${formatProblem(p, dir)}\n`).join(''));
    ctx.stdout.write(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${dir}\n`);
    return 1;
  }
  for (const w of course.warnings ?? [])
    ctx.stdout.write(`${formatProblem({ ...w, message: `warning: ${w.message}` }, dir)}\n`);
  // One cached reader for both checks: each fixture is read once.
  const read = fixtureReader(new Date(course.clock));
  const warnings = [
    ...kindWarnings(course, dir),
    ...(await validityWarnings(course, dir, read)),
    ...(await purposeWarnings(course, dir, read)),
  ];
  if (explain)
    ctx.stdout.write(
      explainLines(course, dir)
        .map((l) => `${l}\n`)
        .join(''),
    );
  ctx.stdout.write(warnings.map((w) => `${w}\n`).join(''));
  const { pages, items } = totals(course);
  const warned = warnings.length ? ` (${count(warnings.length, 'warning')}: see above)` : '';
  ctx.stdout.write(
    `pack is sound: ${count(course.lessons.length, 'lesson')}, ${count(pages, 'page')}, ${count(items, 'quiz item')}${warned}\n`,
  );
  return 0;
}

async function list(dir: string, ctx: CommandContext): Promise<number> {
  const course: Course = await loadCourse(dir, { now: ctx.now });
  const idWidth = Math.max(...course.lessons.map((l) => l.id.length));
  const lines = [`${course.title} (version ${course.version})`, ''];
  for (const l of course.lessons) {
    const counts = `${count(l.pages.length, 'page')}, ${count(l.quiz.length, 'quiz item')}`;
    lines.push(`${String(l.number).padStart(2)}. ${l.id.padEnd(idWidth)}  ${l.title}  (${counts})`);
  }
  const { pages, items } = totals(course);
  lines.push('', `${course.lessons.length} lessons, ${pages} pages, ${items} quiz items`);
  ctx.stdout.write(`${lines.join('\n')}\n`);
  if (course.problems?.length) {
    const n = course.problems.length;
    ctx.stderr.write(
      `cert-tutor: this pack has ${n} problem${n === 1 ? '' : 's'} (items with problems are left out); run: cert-tutor lessons --check ${dir}\n`,
    );
  }
  return 0;
}

function shortPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

const totals = (c: Course) => ({
  pages: c.lessons.reduce((n, l) => n + l.pages.length, 0),
  items: c.lessons.reduce((n, l) => n + l.quiz.length, 0),
});
