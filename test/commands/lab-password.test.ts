import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError, UserError } from '../../src/cli-args.js';
import { run } from '../../src/commands/lab.js';
import { LabError } from '../../src/labs/index.js';
import { fixture } from '../labs/helpers.js';
import { capturedContext } from './command-context.js';

const PFX = fixture('containers/client-modern.pfx'); // password "cert-tutor" (fixtures/manifest.json)
const dir = mkdtempSync(join(tmpdir(), 'ct-lab-pw-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A context whose stdin is a terminal (isTTY, raw mode) when `tty` is set; `typed` arrives after the prompt. */
function context(tty: boolean, typed = '') {
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean; setRawMode?: (on: boolean) => void };
  const modes: boolean[] = [];
  if (tty) {
    stdin.isTTY = true;
    stdin.setRawMode = (on) => modes.push(on);
  }
  const c = capturedContext({
    stdin,
    onStderr: (d) => {
      if (d.includes('Password for')) stdin.write(typed);
    },
  });
  return { ...c, modes };
}

const thrown = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('cert-tutor lab with a password-protected PFX', () => {
  it('takes the password from --password-file (its first line), out of sight of ps', async () => {
    const file = join(dir, 'pw.txt');
    writeFileSync(file, 'cert-tutor\nanything after the first line is ignored\n');
    const c = context(false);
    expect(await run(['mtls', '--present', PFX, '--password-file', file, '--json'], c.ctx)).toBe(0);
    expect(JSON.parse(c.stdout())).toMatchObject({ outcome: 'accepted', title: `present ${PFX}` });
    expect(c.stdout()).not.toContain('cert-tutor\n');
  });

  it('without a password and no terminal: one line naming both ways to give it', async () => {
    const err = await thrown(run(['mtls', '--present', PFX], context(false).ctx));
    expect(err).toBeInstanceOf(LabError);
    expect((err as Error).message).toMatch(
      /wrong or missing password; give it with --password-file FILE \(or --password P\)/,
    );
  });

  it('asks on a terminal without echo when no password was given, then runs the lab', async () => {
    const c = context(true, 'cert-tutor\r');
    expect(await run(['mtls', '--present', PFX, '--json'], c.ctx)).toBe(0);
    expect(c.stderr()).toBe(`Password for ${PFX}: \n`); // nothing typed is shown
    expect(c.modes).toEqual([true, false]);
    expect(JSON.parse(c.stdout())).toMatchObject({ outcome: 'accepted', title: `present ${PFX}` });
  });

  it('refuses --password with --password-file, and a password file that cannot be read', async () => {
    const both = await thrown(
      run(['mtls', '--present', PFX, '--password', 'x', '--password-file', PFX], context(false).ctx),
    );
    expect(both).toBeInstanceOf(UsageError);
    const missing = await thrown(
      run(['mtls', '--present', PFX, '--password-file', join(dir, 'none')], context(false).ctx),
    );
    expect(missing).toBeInstanceOf(UserError);
    expect((missing as Error).message).toBe(
      `${join(dir, 'none')}: cannot read the password file: file not found`,
    );
  });

  it('--password-file without a file to open is a usage error that names it', async () => {
    const err = await thrown(run(['mtls', '--password-file', join(dir, 'pw.txt')], context(false).ctx));
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(/--password-file go with --present FILE/);
  });
});
