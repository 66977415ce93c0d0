import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../../src/paths.js';
import { inspectFile } from '../../../src/pki/index.js';
import { certCard, chainLines } from '../../../src/ui/components/cert-card.js';
import { widthOf } from '../../../src/ui/components/wrap.js';
import { makeTheme } from '../../../src/ui/theme.js';

// The lesson clock of the built-in course: 2026-11-26 noon UTC.
const now = new Date('2026-11-26T12:00:00Z');
const plain = makeTheme({ color: false, unicode: true });

describe('certificate card', () => {
  it('marks highlighted fields with a symbol and stays within the width', async () => {
    const file = await inspectFile(join(fixturesDir(), 'leaf', 'client.pem'), { now });
    const lines = certCard(file.certificates[0]!, ['extendedKeyUsage', 'subject'], 60, plain);
    for (const l of lines) expect(widthOf(l)).toBeLessThanOrEqual(60);
    const text = lines.join('\n').replace(/\u00A0/g, ' ');
    expect(text).toContain('This certificate is intended for the following purpose(s):');
    expect(text).toMatch(/★ Issued to: /);
    expect(text).toMatch(
      /★ Extended Key Usage \(2\.5\.29\.37\): clientAuth[\s│]+\(1\.3\.6\.1\.5\.5\.7\.3\.2\)/,
    );
    expect(text).toMatch(/ {2}Key Usage \(2\.5\.29\.15/);
  });

  it('lists every field with its OID in the full view', async () => {
    const file = await inspectFile(join(fixturesDir(), 'leaf', 'server.pem'), { now });
    const text = certCard(file.certificates[0]!, [], 80, plain, true).join('\n');
    for (const label of [
      'Version',
      'Serial number',
      'Signature algorithm',
      'Public key',
      'SHA-256 fingerprint',
    ])
      expect(text).toContain(label);
    expect(text).toContain('(2.5.29.14)');
  });
});

describe('chain drawing', () => {
  it('draws a chain leaf to root with each link checked', async () => {
    const file = await inspectFile(join(fixturesDir(), 'containers', 'chain.pem'), { now });
    const lines = chainLines(file, file.chainReports, 80, plain);
    const text = lines.join('\n').replace(/\u00A0/g, ' ');
    const leaf = text.indexOf('www.example.test');
    const inter = text.indexOf('Teaching Intermediate CA');
    const root = text.indexOf('Teaching Root CA');
    expect(leaf).toBeGreaterThanOrEqual(0);
    expect(inter).toBeGreaterThan(leaf);
    expect(root).toBeGreaterThan(inter);
    expect(text).toContain('✔ signature');
    expect(text).toContain('ends at a self-signed root');
  });
});
