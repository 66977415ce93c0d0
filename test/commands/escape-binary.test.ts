import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from './built-binary.js';

// A certificate whose CN carries an OSC "retitle" sequence and whose SAN carries "clear screen".
const dir = mkdtempSync(join(tmpdir(), 'ct-escape-'));
const cert = join(dir, 'hostile.pem');
const CN = 'a\u001b]0;pwned\u0007b';
const SAN = 'a\u001b[2J.example';

beforeAll(() => {
  ensureBuilt();
  const key = join(dir, 'k.pem');
  execFileSync('openssl', [
    'genpkey',
    '-algorithm',
    'EC',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-out',
    key,
  ]);
  execFileSync('openssl', [
    'req',
    '-x509',
    '-key',
    key,
    '-out',
    cert,
    '-days',
    '3',
    '-subj',
    `/CN=${CN}`,
    '-addext',
    `subjectAltName=DNS:${SAN}`,
  ]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });

describe('nothing from a certificate reaches the terminal raw', () => {
  it('inspect text shows the sequences escaped, never as bytes, with the control-characters finding', () => {
    const r = run('inspect', cert);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toContain('a\\x1b]0');
    expect(r.stdout).toContain('pwned\\x07b');
    expect(r.stdout).toContain('a\\x1b[2J.example');
    expect(r.stdout).toContain('control-characters');
  });

  it('inspect --json keeps the exact values (JSON escapes them itself)', () => {
    const r = run('inspect', cert, '--json');
    expect(r.stdout).not.toMatch(/\u001b/);
    const report = JSON.parse(r.stdout).files[0].certificates[0];
    expect(report.subject.commonName).toBe(CN);
    expect(report.subjectAltName).toEqual([{ type: 'dns', value: SAN }]);
  });

  it('verify text and a file name with an escape sequence are escaped too', () => {
    const r = run('verify', cert, '--ca', cert);
    expect(r.stdout + r.stderr).not.toMatch(/\u001b/);
    const missing = run('inspect', join(dir, 'no\u001b[2Jfile.pem'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).not.toMatch(/\u001b/);
    expect(missing.stderr).toContain('no\\x1b[2Jfile.pem');
  });
});
