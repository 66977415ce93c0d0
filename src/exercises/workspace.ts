/**
 * A learner's workspace: one folder per exercise (`DIR/ID/`) holding TASK.md and the files the
 * task gives. Init never overwrites a file the learner may have written.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { candidates } from './material.js';
import { makeRenewOld } from './renew-old.js';
import type { Exercise, HintTool } from './types.js';

/** The default workspace folder, relative to where the command runs. */
export const DEFAULT_WORKSPACE = 'cert-tutor-exercises';

const TOOL_TITLES: Record<HintTool, string> = {
  openssl: 'OpenSSL 3 (Linux, macOS, Git Bash on Windows)',
  powershell: 'PowerShell (Windows)',
  step: 'step (Smallstep CLI)',
};

/** The text of TASK.md: the task, the files to produce (and what may stand for them), the hints. */
export function taskText(e: Exercise): string {
  const lines = [`# ${e.title}`, '', e.task.trim(), '', '## Files to write in this folder', ''];
  for (const f of e.produce) {
    const alt = candidates(f).slice(1);
    lines.push(
      `- \`${f}\`${alt.length ? ` (or \`${alt[0]}\` in DER; or \`${alt[1]}\` with \`password.txt\` in place of it and its key)` : ''}`,
    );
  }
  if (e.given.length || e.generate) {
    lines.push('', '## Given', '');
    for (const g of e.given) lines.push(`- \`${g}\``);
    if (e.generate === 'renew-old')
      lines.push('- `old.crt` and its key `old.key` (made for you when the workspace was created)');
  }
  if (e.question) lines.push('', '## Think about it', '', e.question.ask.trim());
  lines.push('', '## Hints', '');
  for (const h of e.hints) lines.push(`### ${TOOL_TITLES[h.tool]}`, '', '```', h.text.trim(), '```', '');
  lines.push('## Check', '', '```', `cert-tutor exercise check ${e.id}`, '```', '');
  return lines.join('\n');
}

/** Makes (or completes) the workspace in `dir`; returns the folders it created. */
export async function initWorkspace(dir: string, exercises: Exercise[], now: Date): Promise<string[]> {
  const made: string[] = [];
  for (const e of exercises) {
    const folder = join(dir, e.id);
    if (!existsSync(folder)) made.push(e.id);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'TASK.md'), taskText(e));
    for (const g of e.given) {
      const target = join(folder, g);
      mkdirSync(dirname(target), { recursive: true });
      if (!existsSync(target)) copyFileSync(join(e.dir, 'given', g), target);
    }
    if (e.generate === 'renew-old' && !existsSync(join(folder, 'old.crt'))) {
      const old = await makeRenewOld(now);
      writeFileSync(join(folder, 'old.key'), old.key, { mode: 0o600 });
      writeFileSync(join(folder, 'old.crt'), old.crt);
    }
  }
  return made;
}

/** Whether the learner has written any of the exercise's files yet. */
export function started(e: Exercise, folder: string): boolean {
  return e.produce.some((f) => candidates(f).some((c) => existsSync(join(folder, c))));
}
