/**
 * Test helpers for the labs: certificates made at test time by the openssl command line (the
 * oracle, tests only) and signed by the teaching CA, and checks that nothing is left listening.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturesDir } from '../../src/paths.js';

/** The lesson clock (fixtures/README.md); OpenSSL itself verifies on the real clock. */
export const NOW = new Date('2026-11-26T12:00:00Z');

export const fixture = (rel: string) => join(fixturesDir(), rel);

/** A fresh temporary folder. */
export const tempDir = () => mkdtempSync(join(tmpdir(), 'cert-tutor-lab-'));

/** Runs openssl and returns stdout+stderr (never throws: some checks expect a failure). */
export function openssl(args: string[], input?: string): string {
  try {
    return execFileSync('openssl', args, {
      encoding: 'utf8',
      input,
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 20_000,
    });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return `${e.stdout ?? ''}${e.stderr ?? ''}`;
  }
}

/**
 * Makes a leaf with the openssl CLI, signed by the teaching intermediate (or another issuer),
 * with the given extension lines; returns the paths of its PEM certificate and PKCS#8 key.
 */
export function makeLeaf(
  dir: string,
  name: string,
  opts: { subject: string; ext: string[]; issuer?: string; issuerKey?: string },
): { cert: string; key: string } {
  const key = join(dir, `${name}.key`);
  const csr = join(dir, `${name}.csr`);
  const cert = join(dir, `${name}.pem`);
  const ext = join(dir, `${name}.ext`);
  writeFileSync(ext, `${opts.ext.join('\n')}\n`);
  execFileSync(
    'openssl',
    ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr, '-subj', opts.subject],
    {
      stdio: 'pipe',
    },
  );
  execFileSync(
    'openssl',
    [
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      opts.issuer ?? fixture('ca/intermediate-ca.pem'),
      '-CAkey',
      opts.issuerKey ?? fixture('ca/intermediate-ca.key'),
      '-set_serial',
      String(Date.now()),
      '-days',
      '30',
      '-extfile',
      ext,
      '-out',
      cert,
    ],
    { stdio: 'pipe' },
  );
  return { cert, key };
}

/** TCP ports this process is listening on, as `ss -ltnp` reports them. */
export function listeningPortsOfThisProcess(): string[] {
  const out = execFileSync('ss', ['-ltnpH'], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((l) => l.includes(`pid=${process.pid},`))
    .map((l) => l.trim().split(/\s+/)[3] ?? l);
}

/** Servers still open in this process (node's own view of its handles). */
export function openNetServers(): number {
  const handles = (process as unknown as { _getActiveHandles: () => unknown[] })._getActiveHandles();
  return handles.filter((h) => (h as { constructor?: { name?: string } }).constructor?.name === 'Server')
    .length;
}

/** Runs `openssl s_client ARGS` with an empty stdin and returns everything it printed. */
export function sClient(args: string[]): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn('openssl', ['s_client', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    child.stderr.on('data', (d) => {
      out += String(d);
    });
    child.stdin.end();
    const timer = setTimeout(() => child.kill(), 15_000);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(out);
    });
  });
}
