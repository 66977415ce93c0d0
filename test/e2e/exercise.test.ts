/**
 * A hands-on exercise in a real terminal (tmux, built binary): the screen turns to passed within
 * 2 s of the files being written from another shell (the folder is watched), and with watching off
 * (CERT_TUTOR_NO_WATCH=1) r re-checks by hand.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { opensslSelfSigned } from '../openssl-req.js';
import { BINARY, e2eSessions, requireBinary, until } from './tmux.js';

const { newHome, open } = e2eSessions();

beforeAll(() => requireBinary());

/** A fresh workspace made by the binary itself. */
function workspace(): string {
  const ws = join(mkdtempSync(join(tmpdir(), 'ct-e2e-ex-')), 'ws');
  execFileSync('node', [BINARY, 'exercises', 'init', ws]);
  return ws;
}

/** Makes the root CA's files in a temporary folder, then moves them in at once (as a save does). */
function writeRoot(folder: string, keyUsage = 'critical,keyCertSign,cRLSign'): void {
  const tmp = mkdtempSync(join(tmpdir(), 'ct-e2e-root-'));
  opensslSelfSigned({
    key: join(tmp, 'ca.key'),
    cert: join(tmp, 'ca.crt'),
    subject: '/CN=E2E Root',
    addext: ['basicConstraints=critical,CA:TRUE', `keyUsage=${keyUsage}`],
  });
  execFileSync('mv', [join(tmp, 'ca.key'), join(tmp, 'ca.crt'), folder]);
}

describe('an exercise in a real terminal', () => {
  it('the screen turns to passed within 2 s of the files being written, and progress records it', async () => {
    const ws = workspace();
    const home = newHome();
    const t = open('exercise', home, { args: ['exercise', 'root-ca', '--dir', ws] });
    await t.waitFor('Exercise 1/12: Make your own root CA', 'the exercise screen');
    const first = await t.waitFor('NOT YET', 'the first check');
    expect(first).toContain('ca.crt: not found; write it in root-ca/');
    writeRoot(join(ws, 'root-ca'));
    const written = Date.now();
    const passed = await t.waitFor('PASSED: all 6 checks pass.', 'the passed screen', 2000);
    expect(Date.now() - written).toBeLessThan(2000);
    expect(passed).toMatch(/✔ ca\.crt: keyUsage has keyCertSign/);
    await until(() => {
      try {
        return (
          JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')).exercises?.['root-ca']?.passed ===
          true
        );
      } catch {
        return false;
      }
    }, 'the pass in progress.json');
    t.keys('Down');
    t.type('q');
    await t.waitFor('[exited 0]');
  });

  it('with watching off, a change shows only after r', async () => {
    const ws = workspace();
    writeRoot(join(ws, 'root-ca'), 'critical,digitalSignature');
    const t = open('exercise-nowatch', newHome(), {
      args: ['exercise', 'root-ca', '--dir', ws],
      env: { CERT_TUTOR_NO_WATCH: '1' },
    });
    const first = await t.waitFor('NOT YET: 1 of 6 checks fail.', 'the first check');
    expect(first).toContain('Watching is off');
    expect(first).toMatch(/✘ ca\.crt: keyUsage has digitalSignature, not keyCertSign/);
    writeRoot(join(ws, 'root-ca'));
    t.type('h');
    await t.waitFor('Hint: OpenSSL 3', 'the first hint');
    expect(t.screen()).toContain('NOT YET');
    t.type('r');
    await t.waitFor('PASSED: all 6 checks pass.', 'the re-check');
    t.type('q');
    await t.waitFor('[exited 0]');
  });
});
