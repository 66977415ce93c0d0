import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runBinary } from '../../commands/built-binary.js';
import { opensslDir } from './openssl.js';

// The real built binary on key-bearing files: key material must never appear in any output, and
// every broken PFX must end in one line and exit 1, never a stack trace.
const fixtures = join(process.cwd(), 'fixtures');
const manifest = JSON.parse(readFileSync(join(fixtures, 'manifest.json'), 'utf8')) as {
  files: Record<string, { password?: string; keyFile?: string }>;
};
const o = opensslDir();

beforeAll(() => ensureBuilt(), 120_000);
afterAll(() => o.remove());

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** PEM bodies of the private keys in a text file (all of them, encrypted or not). */
function keyBodies(text: string): string[] {
  return [...text.matchAll(/-----BEGIN ([A-Z ]*PRIVATE KEY)-----\r?\n([\s\S]*?)-----END \1-----/g)].map((m) =>
    (m[2] ?? '')
      .split(/\r?\n/)
      .filter((l) => l && !l.includes(':'))
      .join('\n'),
  );
}

/** Every key-bearing fixture and the PEM bodies of the keys it holds (for a PFX, its source key). */
const keyFiles = walk(fixtures).flatMap((full) => {
  const path = relative(fixtures, full);
  if (path.endsWith('.pfx')) {
    const keyFile = manifest.files[path]?.keyFile;
    return keyFile
      ? [
          {
            path,
            bodies: keyBodies(readFileSync(join(fixtures, keyFile), 'latin1')),
            password: manifest.files[path]?.password,
          },
        ]
      : [];
  }
  const text = readFileSync(full, 'latin1');
  const bodies = keyBodies(text);
  return bodies.length ? [{ path, bodies, password: manifest.files[path]?.password }] : [];
});

/** The strings that would betray a key: its whole base64 body, each PEM line, and the same unwrapped. */
function secrets(body: string): string[] {
  const lines = body.split('\n').filter((l) => l.length >= 40);
  const der = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  const tail = der.subarray(der.length - 48).toString('hex');
  return [body, body.replace(/\n/g, ''), ...lines, tail, tail.toUpperCase()];
}

describe('inspect never prints key material', () => {
  it('finds the key-bearing fixtures (keys, PEM bundles with keys, PFX files)', () => {
    expect(keyFiles.length).toBeGreaterThanOrEqual(20);
    expect(keyFiles.some((f) => f.path.endsWith('.pfx'))).toBe(true);
  });

  for (const f of keyFiles) {
    it(`prints no part of the key of ${f.path} in human, --json, with and without its password`, async () => {
      const runs = [
        [],
        ['--json'],
        ...(f.password !== undefined
          ? [
              ['--password', f.password],
              ['--json', '--password', f.password],
            ]
          : []),
      ];
      let all = '';
      for (const extra of runs) {
        const r = await runBinary(['inspect', join(fixtures, f.path), ...extra], '', { NO_COLOR: '1' });
        all += r.stdout + r.stderr;
      }
      expect(all.length).toBeGreaterThan(0);
      for (const body of f.bodies)
        for (const s of secrets(body)) expect(all.includes(s), `found key text of ${f.path}`).toBe(false);
    });
  }
});

describe('broken PFX files through the built binary', () => {
  const modern = readFileSync(join(fixtures, 'containers', 'client-modern.pfx'));
  beforeAll(() => {
    writeFileSync(o.path('truncated.pfx'), modern.subarray(0, 700));
    const mac = Buffer.from(modern);
    mac[mac.length - 15] = (mac[mac.length - 15] as number) ^ 0xff;
    writeFileSync(o.path('mac.pfx'), mac);
    writeFileSync(
      o.path('random.pfx'),
      Buffer.from(Array.from({ length: 900 }, (_, i) => (i * 7919 + 13) % 256)),
    );
    o.sh('req -x509 -newkey rsa:2048 -nodes -keyout k.pem -out c.pem -subj /CN=rc4 -days 3');
    o.sh(
      'pkcs12 -export -legacy -in c.pem -inkey k.pem -keypbe PBE-SHA1-RC4-128 -certpbe PBE-SHA1-RC4-128 -passout pass:cert-tutor -out rc4.pfx',
    );
  });

  const cases = [
    {
      name: 'a wrong password',
      file: () => join(fixtures, 'containers', 'client-modern.pfx'),
      password: 'nope',
      says: 'wrong password (try --password)',
    },
    { name: 'a truncated PFX', file: () => o.path('truncated.pfx'), password: 'cert-tutor', says: '' },
    {
      name: 'a PFX whose MAC fails',
      file: () => o.path('mac.pfx'),
      password: 'cert-tutor',
      says: 'integrity check failed',
    },
    {
      name: 'an RC4 PFX',
      file: () => o.path('rc4.pfx'),
      password: 'cert-tutor',
      says: 'unsupported: pbeWithSHAAnd128BitRC4',
    },
    { name: 'random bytes named .pfx', file: () => o.path('random.pfx'), password: 'cert-tutor', says: '' },
  ];
  for (const c of cases) {
    it(`${c.name}: exit 1, a typed errorCode in --json, no stack trace`, async () => {
      const human = await runBinary(['inspect', c.file(), '--password', c.password], '', { NO_COLOR: '1' });
      expect(human.code).toBe(1);
      expect(human.stdout + human.stderr).toContain(c.says);
      expect(human.stdout + human.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
      const json = await runBinary(['inspect', c.file(), '--password', c.password, '--json'], '', {});
      expect(json.code).toBe(1);
      const report = JSON.parse(json.stdout).files[0];
      expect(typeof report.errorCode).toBe('string');
      expect(report.error).toContain(c.says);
    });
  }
});
