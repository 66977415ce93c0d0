import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderFileReport } from '../../src/commands/inspect-render.js';
import { fixturesDir } from '../../src/paths.js';
import { inspectFile } from '../../src/pki/index.js';

const now = new Date('2026-11-26T12:00:00Z');
const strip = (s: string) => s.replace(/\u001B\[[0-9;]*m/g, '');

describe('the inspect card renderer', () => {
  it('puts the conclusion before the fields and the chain after the cards', async () => {
    const text = renderFileReport(await inspectFile(join(fixturesDir(), 'containers/chain.pem'), { now }), {
      color: false,
    });
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l.startsWith('[1] '));
    expect(lines[first]).toMatch(/^\[1\] Server certificate for www\.example\.test/);
    expect(lines.findIndex((l) => l.includes('Subject:'))).toBeGreaterThan(first);
    expect(text.indexOf('Chain: ')).toBeGreaterThan(text.lastIndexOf('SHA-256 fingerprint:'));
    expect(text).toMatch(
      /Chain: \[1\] www\.example\.test -> \[2\] .*Intermediate CA -> \[3\] .*Root CA: complete/,
    );
  });

  it('says the same words with and without colour, so colour never carries meaning alone', async () => {
    const r = await inspectFile(join(fixturesDir(), 'leaf/ku-eku-mismatch.pem'), { now });
    const plain = renderFileReport(r, { color: false });
    const coloured = renderFileReport(r, { color: true });
    expect(plain).not.toMatch(/\u001B\[/);
    expect(coloured).toMatch(/\u001B\[/);
    expect(strip(coloured)).toBe(plain);
    expect(plain).toMatch(/ERROR ku-eku-disjoint/);
    expect(plain).toMatch(/no {2}serverAuth/);
  });

  it('names a missing intermediate in the chain line', async () => {
    const text = renderFileReport(
      await inspectFile(join(fixturesDir(), 'containers/server-and-root.pem'), { now }),
      { color: false },
    );
    expect(text).toMatch(
      /incomplete: the issuer of .*www\.example\.test.*Teaching Intermediate CA.* was not given/,
    );
  });
});
