import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../src/paths.js';
import { inspectBytes } from '../../src/pki/inspect-file.js';
import type { FileReport } from '../../src/pki/types.js';

const now = new Date('2026-11-26T12:00:00Z');
const der = new Uint8Array(readFileSync(join(fixturesDir(), 'containers/server.cer')));
const pem = readFileSync(join(fixturesDir(), 'containers/chain.pem'), 'latin1');

/** A report either describes certificates or carries a typed one-line error; nothing else. */
function wellFormed(r: FileReport): boolean {
  if (r.error !== null) {
    expect(r.errorCode).toMatch(/^[a-z0-9-]+$/);
    expect(r.error).not.toContain('\n');
    expect(r.error.length).toBeGreaterThan(0);
  } else {
    expect(r.certificates.length).toBeGreaterThan(0);
  }
  for (const c of r.certificates) expect(Object.keys(c.opensslText)).toHaveLength(18);
  return true;
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), value: fc.constant(0) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
);

function mutate(
  bytes: Uint8Array,
  ms: { kind: 'flip' | 'cut' | 'insert'; at: number; value: number }[],
): Uint8Array {
  let b = Uint8Array.from(bytes);
  for (const m of ms) {
    const at = b.length === 0 ? 0 : m.at % b.length;
    if (m.kind === 'flip') b[at] = m.value;
    else if (m.kind === 'cut') b = b.subarray(0, at);
    else b = Uint8Array.from([...b.subarray(0, at), m.value, ...b.subarray(at)]);
  }
  return b;
}

describe('the engine only ever returns a report or a typed error (property tests)', () => {
  it('handles random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) =>
        wellFormed(await inspectBytes(bytes, { path: 'random', now })),
      ),
      { numRuns: 300 },
    );
  });

  it('handles random bytes that start like a DER SEQUENCE', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (tail) =>
        wellFormed(
          await inspectBytes(Uint8Array.from([0x30, 0x82, tail.length >> 8, tail.length & 255, ...tail]), {
            path: 'seq',
            now,
          }),
        ),
      ),
      { numRuns: 300 },
    );
  });

  it('handles a real DER certificate with bytes flipped, cut or inserted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) =>
        wellFormed(await inspectBytes(mutate(der, ms), { path: 'mutated.der', now })),
      ),
      { numRuns: 400 },
    );
  });

  it('handles a real PEM chain with characters changed, cut or inserted', async () => {
    const text = new TextEncoder().encode(pem);
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) =>
        wellFormed(await inspectBytes(mutate(text, ms), { path: 'mutated.pem', now })),
      ),
      { numRuns: 300 },
    );
  });
});
