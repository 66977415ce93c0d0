import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir, packageRoot } from '../../src/paths.js';

const bin = join(packageRoot(), 'dist/cert-tutor.js');
const fx = (p: string) => join(fixturesDir(), p);
const manifest = JSON.parse(readFileSync(fx('manifest.json'), 'utf8'));

function run(args: string[], input?: Buffer) {
  const r = spawnSync(process.execPath, [bin, 'inspect', ...args], {
    input,
    env: { ...process.env, NO_COLOR: '1', CERT_TUTOR_DEBUG: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

let dir = '';
beforeAll(() => {
  expect(existsSync(bin), 'run npm run build first').toBe(true);
  dir = mkdtempSync(join(tmpdir(), 'inspect-bad-'));
  writeFileSync(join(dir, 'empty.pem'), '');
  writeFileSync(
    join(dir, 'random.bin'),
    Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)),
  );
  writeFileSync(join(dir, 'truncated.der'), readFileSync(fx('containers/server.cer')).subarray(0, 400));
  writeFileSync(
    join(dir, 'bad-base64.pem'),
    '-----BEGIN CERTIFICATE-----\nMIIB!!not*base64\n-----END CERTIFICATE-----\n',
  );
  writeFileSync(join(dir, 'notes.txt'), 'remember to renew the certificate\n');
  mkdirSync(join(dir, 'folder'));
  writeFileSync(join(dir, 'huge.pem'), '');
  truncateSync(join(dir, 'huge.pem'), 100 * 1024 * 1024);
});

const badInputs: [string, string, RegExp][] = [
  ['an empty file', 'empty.pem', /the file is empty/],
  ['random bytes', 'random.bin', /no certificate found \(expected PEM or DER\)/],
  ['truncated DER', 'truncated.der', /not a valid DER certificate/],
  ['bad base64', 'bad-base64.pem', /not valid base64/],
  ['a folder', 'folder', /is a folder/],
  ['a missing file', 'missing.pem', /file not found/],
  ['a text file', 'notes.txt', /no certificate found \(expected PEM or DER\)/],
  ['a 100 MB file', 'huge.pem', /too large/],
];

describe('cert-tutor inspect (built binary) on bad input', () => {
  it.each(badInputs)(
    'refuses %s with exit 1 and one line naming the file, no stack trace',
    (_what, name, reason) => {
      const path = join(dir, name);
      const r = run([path]);
      expect(r.code).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]!.startsWith(`${path}: `)).toBe(true);
      expect(lines[0]).toMatch(reason);
      expect(r.stderr + r.stdout).not.toMatch(/\n\s+at |Error:|internal error/);
    },
  );

  it('reports a typed errorCode for each bad file in --json and still exits 1', () => {
    const r = run(['--json', ...badInputs.map(([, n]) => join(dir, n))]);
    expect(r.code).toBe(1);
    const files = JSON.parse(r.stdout).files as { error: string; errorCode: string }[];
    expect(files).toHaveLength(badInputs.length);
    for (const f of files) {
      expect(f.error).toMatch(/^[^\n]+$/);
      expect(f.errorCode).toMatch(/^[a-z0-9-]+$/);
    }
    expect(r.stderr.trim().split('\n')).toHaveLength(badInputs.length);
  });

  it('refuses more than 10 MB on stdin with one line, reading no further', () => {
    const r = run(['-'], Buffer.alloc(11 * 1024 * 1024, 0x41));
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      '(stdin): file is too large (more than 10,485,760 bytes), so it is not a certificate file',
    );
  });

  it('exits 2 with a pointer to --help for usage errors', () => {
    for (const args of [
      [],
      ['--frobnicate', fx('leaf/server.pem')],
      ['--at', 'yesterday-ish', fx('leaf/server.pem')],
    ]) {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--help/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('cert-tutor inspect (built binary) on good input', () => {
  it('puts the conclusion first and exits 0 for a readable certificate', () => {
    const r = run([fx('leaf/server.pem')]);
    expect(r.code).toBe(0);
    const card = r.stdout.split('\n').find((l) => l.startsWith('[1]'));
    expect(card).toMatch(
      /^\[1\] Server certificate for www\.example\.test; cannot be used as a client certificate/,
    );
    expect(r.stdout).toMatch(/1\.3\.6\.1\.5\.5\.7\.3\.1/);
    expect(r.stdout).not.toMatch(/\u001B\[/);
  });

  it('prints {"files": [...]} with the manifest answers for every certificate of a chain file', () => {
    const r = run(['--json', '--at', manifest.clock, fx('containers/chain.pem')]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const file = out.files[0];
    for (const key of ['path', 'format', 'error', 'certificates', 'chains', 'hasPrivateKey', 'privateKeys']) {
      expect(file).toHaveProperty(key);
    }
    const want = manifest.files['containers/chain.pem'].certificates;
    expect(file.certificates.map((c: { kind: string }) => c.kind)).toEqual(
      want.map((c: { kind: string }) => c.kind),
    );
    expect(file.certificates.map((c: { purposes: unknown }) => c.purposes)).toEqual(
      want.map((c: { purposes: unknown }) => c.purposes),
    );
    expect(file.chains).toEqual([[0, 1, 2]]);
    expect(file.certificates[0].openssl['SSL server']).toBe(true);
  });

  it('reads stdin when the file is -', () => {
    const r = run(['--json', '-'], readFileSync(fx('leaf/client.pem')));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].certificates[0].kind).toBe(
      manifest.files['leaf/client.pem'].certificates[0].kind,
    );
  });

  it('says a private key is present but never prints any of it', () => {
    const keyLines = readFileSync(fx('leaf/server.key'), 'latin1')
      .split('\n')
      .filter((l) => /^[A-Za-z0-9+/=]{20,}$/.test(l));
    expect(keyLines.length).toBeGreaterThan(5);
    for (const args of [[fx('leaf/server.key')], ['--json', fx('leaf/server.key')]]) {
      const r = run(args);
      expect(r.stdout).toMatch(/private key|hasPrivateKey": true/);
      for (const l of keyLines) expect(r.stdout + r.stderr).not.toContain(l);
    }
  });

  it('opens a PKCS#12 file with --password-file and refuses a wrong --password in one line', () => {
    const pfx = manifest.files['containers/client-modern.pfx'];
    writeFileSync(join(dir, 'pw.txt'), `${pfx.password}\n`);
    const ok = run(['--json', '--password-file', join(dir, 'pw.txt'), fx('containers/client-modern.pfx')]);
    expect(ok.code).toBe(0);
    const file = JSON.parse(ok.stdout).files[0];
    expect(file.format).toBe(pfx.format);
    expect(file.certificates.map((c: { kind: string }) => c.kind)).toEqual(
      pfx.certificates.map((c: { kind: string }) => c.kind),
    );
    const bad = run(['--password', 'not-the-password', fx('containers/client-modern.pfx')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/password/);
    const both = run([
      '--password',
      'a',
      '--password-file',
      join(dir, 'pw.txt'),
      fx('containers/client-modern.pfx'),
    ]);
    expect(both.code).toBe(2);
  });

  it('chains certificates given in separate files, leaf to root', () => {
    const r = run([fx('leaf/server.pem'), fx('ca/intermediate-ca.pem'), fx('ca/root-ca.pem')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Across all files:\nChain: .*www\.example\.test -> .*Intermediate CA -> .*Root CA: complete/,
    );
  });
});
