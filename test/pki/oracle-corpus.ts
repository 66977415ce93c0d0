import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One certificate block taken from a corpus file. */
export interface CorpusCert {
  /** file path (relative to the repo) plus "#n" for the n-th block. */
  id: string;
  /** The bytes OpenSSL is given: the PEM block's text, or the DER file. */
  input: Uint8Array;
  pem: boolean;
}

function walk(dir: string, accept: (f: string) => boolean, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, accept, out);
    else if (accept(name)) out.push(p);
  }
  return out;
}

/** Every CERTIFICATE block (PEM) or DER certificate file under `dir` whose name passes `accept`. */
export function corpusCerts(root: string, dir: string, accept: (f: string) => boolean): CorpusCert[] {
  const out: CorpusCert[] = [];
  for (const file of walk(dir, accept)) {
    const bytes = readFileSync(file);
    const rel = relative(root, file);
    const text = bytes.toString('latin1');
    if (text.includes('-----BEGIN ')) {
      const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
      blocks.forEach((b, i) => {
        out.push({ id: `${rel}#${i}`, input: new Uint8Array(Buffer.from(`${b}\n`, 'latin1')), pem: true });
      });
    } else if (bytes[0] === 0x30) out.push({ id: rel, input: new Uint8Array(bytes), pem: false });
  }
  return out;
}

/**
 * Every distinct certificate of the x509-limbo cases (roots, intermediates, peers), named by case
 * id and role, e.g. "limbo:pathlen::ee-with-intermediate-pathlen-0/peer".
 */
export function limboCerts(file: string): CorpusCert[] {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    testcases: {
      id: string;
      trusted_certs: string[];
      untrusted_intermediates: string[];
      peer_certificate: string;
    }[];
  };
  const seen = new Set<string>();
  const out: CorpusCert[] = [];
  const add = (pem: string, id: string) => {
    const key = pem.replace(/\s+/g, '');
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ id, input: new Uint8Array(Buffer.from(`${pem.trim()}\n`, 'latin1')), pem: true });
  };
  for (const t of doc.testcases) {
    for (const [i, c] of t.trusted_certs.entries()) add(c, `limbo:${t.id}/root#${i}`);
    for (const [i, c] of t.untrusted_intermediates.entries()) add(c, `limbo:${t.id}/intermediate#${i}`);
    add(t.peer_certificate, `limbo:${t.id}/peer`);
  }
  return out;
}

/** OpenSSL's rows for one DER certificate, or null when OpenSSL cannot load it. */
export function opensslPurpose(c: CorpusCert): Promise<Record<string, string> | null> {
  return new Promise((resolve, reject) => {
    const p = spawn('openssl', ['x509', '-inform', c.pem ? 'PEM' : 'DER', '-noout', '-purpose'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.stderr.resume();
    p.on('error', reject);
    p.on('close', (code) => {
      if (code !== 0) return resolve(null);
      const rows: Record<string, string> = {};
      for (const line of out.split('\n')) {
        const m = line.match(/^(.+?) : (.+)$/);
        if (m) rows[m[1]!] = m[2]!;
      }
      resolve(rows);
    });
    p.stdin.on('error', () => {});
    p.stdin.end(Buffer.from(c.input));
  });
}

/** Maps items with at most `limit` running at once (the machine is shared). */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return out;
}
