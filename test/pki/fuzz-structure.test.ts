/**
 * Structure fuzzing, seeded: not random bytes but real structures with their fields pushed to the
 * edges. Every INTEGER of a real PFX (MAC and PBKDF2 iteration counts, key lengths, versions) set to
 * 0, 1, the caps, just over them, 2^31-1, negative or 20 bytes long; PEM files of many blocks,
 * nested and unterminated BEGIN lines, mixed labels; chains whose names form cycles. Each case must
 * end with a report or a typed CertTutorError, never another exception, and within a bound far
 * above a normal read (the old behaviour took hours on some of these).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CertTutorError } from '../../src/errors.js';
import { fixturesDir } from '../../src/paths.js';
import { readContainerBytes } from '../../src/pki/containers/index.js';
import { buildChains, inspectBytes } from '../../src/pki/index.js';
import { verifyPath } from '../../src/pki/verify/index.js';
import { CertMaker } from './verify/make-certs.js';

/** A small seeded generator (mulberry32), so a failing case can be run again. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One DER node: a constructed node keeps its children, a primitive one its content. */
interface Node {
  tag: number;
  children?: Node[];
  content?: Uint8Array;
}

/** Strict DER parsing: throws on a length past the end, so random bytes are rarely taken for DER. */
function parse(b: Uint8Array, start = 0, end = b.length): Node[] {
  const out: Node[] = [];
  let i = start;
  while (i < end) {
    const tag = b[i++]!;
    if ((tag & 0x1f) === 0x1f || i >= end) throw new Error('not DER');
    let len = b[i++]!;
    if (len & 0x80) {
      const n = len & 0x7f;
      if (n === 0 || n > 3) throw new Error('not DER');
      len = 0;
      for (let k = 0; k < n; k++) len = len * 256 + b[i++]!;
    }
    if (i + len > end) throw new Error('not DER');
    const body = b.subarray(i, i + len);
    // Constructed (0x20), or an OCTET STRING that itself holds DER (the PFX's authSafe, bags).
    const nested = tag & 0x20 ? parse(body) : tag === 0x04 ? derInside(body) : undefined;
    out.push(nested ? { tag, children: nested } : { tag, content: body });
    i += len;
  }
  return out;
}

function derInside(b: Uint8Array): Node[] | undefined {
  if (b.length < 2 || b[0] !== 0x30) return undefined;
  try {
    const nodes = parse(b);
    return nodes.length === 1 ? nodes : undefined;
  } catch {
    return undefined;
  }
}

const lengthBytes = (n: number) => {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return [0x80 | bytes.length, ...bytes];
};

function serialize(nodes: Node[]): Uint8Array {
  const parts: number[] = [];
  for (const n of nodes) {
    const body = n.children ? serialize(n.children) : (n.content ?? new Uint8Array(0));
    parts.push(n.tag, ...lengthBytes(body.length), ...body);
  }
  return new Uint8Array(parts);
}

/** Every INTEGER node of the tree, in order. */
function integers(nodes: Node[], out: Node[] = []): Node[] {
  for (const n of nodes) {
    if (n.tag === 0x02) out.push(n);
    if (n.children) integers(n.children, out);
  }
  return out;
}

/** A DER INTEGER's content bytes for `v` (two's complement, minimal). */
function intContent(v: bigint): Uint8Array {
  const bytes: number[] = [];
  let x = v;
  for (;;) {
    bytes.unshift(Number(x & 0xffn));
    x >>= 8n;
    const top = bytes[0]!;
    if ((x === 0n && !(top & 0x80)) || (x === -1n && top & 0x80)) break;
  }
  return new Uint8Array(bytes);
}

const EDGE_VALUES = [
  0n,
  1n,
  2048n,
  100_000n,
  100_001n,
  1_000_000n,
  1_000_001n,
  2n ** 31n - 1n,
  -1n,
  2n ** 159n,
];
const BOUND_MS = 10_000;

/** Runs one case: a report or a typed error, in time. */
async function survives(what: string, run: () => Promise<unknown>): Promise<void> {
  const t0 = Date.now();
  try {
    await run();
  } catch (e) {
    expect(e, `${what}: ${(e as Error)?.stack}`).toBeInstanceOf(CertTutorError);
  }
  expect(Date.now() - t0, what).toBeLessThan(BOUND_MS);
}

describe('structure fuzzing', () => {
  it('every INTEGER of a real PFX pushed to the edges: a reading or a typed error, in bounded time', async () => {
    const pfx = new Uint8Array(readFileSync(join(fixturesDir(), 'containers', 'client-modern.pfx')));
    // The walk reaches the MAC's and both bags' PBKDF2 iteration counts (2,048 each, 0x0800), and
    // the two versions: five INTEGERs, as `openssl asn1parse` shows them.
    const found = integers(parse(pfx)).map((n) => Buffer.from(n.content!).toString('hex'));
    expect(found.filter((h) => h === '0800')).toHaveLength(3);
    expect(found).toHaveLength(5);
    const random = prng(20261205);
    for (let c = 0; c < 60; c++) {
      const tree = parse(pfx);
      const ints = integers(tree);
      // One to three integers changed per case.
      const changed: string[] = [];
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
        const i = Math.floor(random() * ints.length);
        const v = EDGE_VALUES[Math.floor(random() * EDGE_VALUES.length)]!;
        ints[i]!.content = intContent(v);
        changed.push(`#${i}=${v}`);
      }
      const bytes = serialize(tree);
      const what = `PFX case ${c} (${changed.join(', ')})`;
      await survives(what, async () => {
        const r = await readContainerBytes(bytes, { path: 'fuzz.pfx', password: 'cert-tutor' });
        expect(r, what).not.toBeNull();
      });
      await survives(`${what}, no password`, () => readContainerBytes(bytes, { path: 'fuzz.pfx' }));
    }
  }, 300_000);

  it('PEM files of many, nested, unterminated and mixed blocks', async () => {
    const cert = readFileSync(join(fixturesDir(), 'leaf', 'server.pem'), 'latin1');
    const key = readFileSync(join(fixturesDir(), 'leaf', 'server.key'), 'latin1');
    const body = cert.split('\n').slice(1, -2).join('\n');
    const random = prng(7);
    const pieces = [
      cert,
      key,
      '-----BEGIN CERTIFICATE-----\n',
      '-----END CERTIFICATE-----\n',
      `-----BEGIN CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`,
      `-----BEGIN PRIVATE KEY-----\n${body}\n-----END CERTIFICATE-----\n`,
      `-----BEGIN X509 CRL-----\n${body}\n`,
      '-----BEGIN ENCRYPTED PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\n!!!!\n-----END ENCRYPTED PRIVATE KEY-----\n',
      'garbage line\n',
    ];
    for (let c = 0; c < 40; c++) {
      const n = Math.floor(random() * 400) + 1;
      const text = Array.from({ length: n }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      await survives(`PEM case ${c} (${n} pieces)`, () =>
        inspectBytes(Buffer.from(text, 'latin1'), {
          path: 'fuzz.pem',
          now: new Date('2026-11-26T12:00:00Z'),
        }),
      );
    }
    // The block cap: 20,000 BEGIN lines are refused with a typed error, quickly.
    await survives('20,000 BEGIN lines', () =>
      inspectBytes(Buffer.from('-----BEGIN CERTIFICATE-----\n'.repeat(20_000)), {
        path: 'many.pem',
        now: new Date('2026-11-26T12:00:00Z'),
      }),
    );
  }, 120_000);

  it('chains whose names form cycles: chain building and path validation end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-fuzz-cycles-'));
    try {
      const m = new CertMaker(dir);
      const ca = ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign'];
      const a0 = m.selfSigned('a0', '/CN=A', ca);
      const b0 = m.selfSigned('b0', '/CN=B', ca);
      // A issued by B, B issued by A: each name points at the other.
      const a = m.issued('a', '/CN=A', b0, ca);
      const b = m.issued('b', '/CN=B', a0, ca);
      const self = m.issued('self', '/CN=A', a0, ca); // self-issued, another key
      const leaf = m.issued('leaf', '/CN=leaf.example.test', a, ['basicConstraints=critical,CA:FALSE']);
      const pool = [a0, b0, a, b, self, leaf].map((x) => x.der);
      const random = prng(99);
      const at = new Date();
      for (let c = 0; c < 40; c++) {
        const n = 2 + Math.floor(random() * 40);
        const certs = Array.from({ length: n }, () => pool[Math.floor(random() * pool.length)]!);
        await survives(`cycle case ${c} (${n} certificates)`, async () => {
          await buildChains(certs, at);
          await verifyPath({ leaf: leaf.der, untrusted: certs, trusted: [b0.der], at });
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
