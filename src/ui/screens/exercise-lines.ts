/** The exercise screen's body: the latest check, the hints asked for, and after a pass the solution. */
import type { ExerciseView } from '../../exercises/types.js';
import { wrapHanging, wrapLines } from '../components/wrap.js';
import type { ExerciseScreen } from '../state/types.js';
import type { Theme } from '../theme.js';

const TOOL: Record<string, string> = {
  openssl: 'OpenSSL 3',
  powershell: 'PowerShell',
  step: 'step',
};

/** Preformatted text (commands): each line kept, wrapped only when wider than the screen. */
const block = (text: string, width: number, t: Theme) =>
  text
    .trimEnd()
    .split('\n')
    .flatMap((l) => {
      const indent = ' '.repeat(4 + (/^ */.exec(l)?.[0].length ?? 0));
      return wrapHanging(t.paint('code', l.trimStart()), width, indent, `${indent}  `);
    });

export function exerciseLines(s: ExerciseScreen, v: ExerciseView, width: number, t: Theme): string[] {
  const out: string[] = [];
  out.push(...wrapLines(`Folder: ${v.folder}`, width));
  out.push(...wrapLines(`Write: ${v.produce.join(', ')} (TASK.md there says what each must be)`, width), '');
  const r = s.result;
  if (s.checking !== null && !r) out.push(t.paint('muted', `${t.sym.info} checking...`));
  if (s.failure)
    out.push(...wrapLines(t.paint('danger', `${t.sym.cross} The check could not run: ${s.failure}`), width));
  if (r) {
    const failed = r.checks.filter((c) => !c.passed).length;
    out.push(
      r.passed
        ? t.paint('success', `${t.sym.tick} PASSED: all ${r.checks.length} checks pass.`)
        : t.paint('danger', `${t.sym.cross} NOT YET: ${failed} of ${r.checks.length} checks fail.`),
    );
    if (s.checking !== null) out.push(t.paint('muted', `${t.sym.info} checking again...`));
    out.push('');
    for (const c of r.checks)
      out.push(
        ...wrapHanging(
          c.message,
          width,
          c.passed ? `${t.paint('success', t.sym.tick)} ` : `${t.paint('danger', t.sym.cross)} `,
        ),
      );
  }
  for (const h of v.hints.slice(0, s.hints))
    out.push('', t.paint('heading', `Hint: ${TOOL[h.tool] ?? h.tool}`), ...block(h.text, width, t));
  if (s.hints < v.hints.length)
    out.push('', t.paint('muted', `h shows a hint (${v.hints.length - s.hints} more)`));
  if (r?.passed) {
    if (v.question)
      out.push('', t.paint('heading', v.question.ask), ...wrapLines(v.question.answer.trim(), width));
    out.push(
      '',
      t.paint('heading', 'A reference solution, to compare with yours:'),
      ...block(v.solution.replace(/^#!.*\n/, ''), width, t),
    );
    out.push('', t.paint('accent', 'n: the next exercise'));
  }
  return out;
}
