import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_FIELDS } from '../../../src/course/types.js';
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

describe('certificate card: highlights, fingerprints and hidden verdicts', () => {
  // Lesson 1's pages mark these fields; the compact card must show each one with the mark.
  const marked = [
    'serialNumber',
    'publicKey',
    'signatureAlgorithm',
    'version',
    'extensions',
    'sha1',
    'sha256',
  ];

  it('shows every highlighted field with the mark, even those only the full view lists', async () => {
    const file = await inspectFile(join(fixturesDir(), 'leaf', 'server.pem'), { now });
    const c = file.certificates[0]!;
    const text = certCard(c, marked, 100, plain).join('\n');
    for (const label of [
      'Version: v3',
      'Serial number:',
      'Signature algorithm:',
      'Public key:',
      'SHA-1 fingerprint:',
    ])
      expect(text).toContain(`★ ${label}`);
    expect(text).toContain('★ SHA-256 fingerprint:');
    expect(text).toContain('(2.5.29.14)');
    // Without the highlight, the compact card leaves them out.
    expect(certCard(c, [], 100, plain).join('\n')).not.toContain('Serial number');
  });

  it('can mark every field the checker accepts in a highlight= list (so no accepted highlight goes unshown)', async () => {
    const file = await inspectFile(join(fixturesDir(), 'leaf', 'server.pem'), { now });
    const c = file.certificates[0]!;
    const plainCard = certCard(c, [], 120, plain);
    for (const field of HIGHLIGHT_FIELDS) {
      const card = certCard(c, [field], 120, plain);
      // The field's line carries the mark: one more ★ line than the card without highlights.
      const starred = card.filter((l) => l.includes('★ ') && !l.includes('marks the fields'));
      expect(starred.length, field).toBeGreaterThan(0);
      expect(card.length, field).toBeGreaterThanOrEqual(plainCard.length);
    }
  });

  it('wraps the fingerprints at byte boundaries inside the card at every width', async () => {
    const file = await inspectFile(join(fixturesDir(), 'leaf', 'server.pem'), { now });
    const c = file.certificates[0]!;
    for (let width = 30; width <= 130; width++) {
      const lines = certCard(c, ['sha1', 'sha256'], width, plain);
      for (const l of lines) expect(widthOf(l), `width ${width}: ${l}`).toBeLessThanOrEqual(width);
      // Every run of hex on a line is whole bytes: no line starts or ends inside a byte.
      const hex = lines.flatMap((l) => l.match(/[0-9A-F:]{5,}/g) ?? []);
      for (const h of hex) expect(h, `width ${width}`).toMatch(/^([0-9A-F]{2}:)*[0-9A-F]{2}:?$/);
      // Read back without the card's border and indents, the fingerprints are whole.
      const all = lines.join('').replace(/[│\s★]/g, '');
      expect(all).toContain(`SHA-1fingerprint:${c.sha1}`);
      expect(all).toContain(`SHA-256fingerprint:${c.sha256}`);
    }
  });

  it('before the answer, leaves out the validity verdict and what an absent EKU means', async () => {
    const expired = await inspectFile(join(fixturesDir(), 'leaf', 'expired-server.pem'), { now });
    const c = expired.certificates[0]!;
    expect(c.validity.status).toBe('expired');
    expect(certCard(c, [], 80, plain).join('\n')).toContain('(✘ expired)');
    const hidden = certCard(c, [], 80, plain, false, true).join('\n');
    expect(hidden).not.toMatch(/\(✘ expired\)|✘|✔ valid/);
    expect(hidden).toContain('Valid from');
    const root = await inspectFile(join(fixturesDir(), 'leaf', 'no-eku.pem'), { now });
    const r = root.certificates[0]!;
    expect(r.extendedKeyUsage).toBeFalsy();
    expect(certCard(r, [], 80, plain).join('\n')).toContain('absent: no restriction by EKU');
    expect(certCard(r, [], 80, plain, false, true).join('\n')).not.toContain('no restriction');
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

describe('the compact card for short terminals', () => {
  it('leaves out the purposes and the separator, keeps every field row and the legend in the border', async () => {
    const c = (await inspectFile(join(fixturesDir(), 'leaf', 'server.pem'), { now })).certificates[0]!;
    const full = certCard(c, ['serialNumber'], 80, plain);
    const compact = certCard(c, ['serialNumber'], 80, plain, false, false, true);
    // Full: title, purposes heading and one purpose, three name/date lines, separator, five rows
    // (serial, SAN on two lines, BC, KU, EKU) and the bottom border with the legend.
    expect(full.join('\n')).toContain('This certificate is intended for the following purpose(s):');
    expect(compact.join('\n')).not.toContain('intended for');
    expect(full.length - compact.length).toBe(3);
    for (const row of [
      '★ Serial number: ',
      'Basic Constraints (2.5.29.19, critical)',
      'Extended Key Usage (2.5.29.37)',
    ])
      expect(compact.join('\n')).toContain(row);
    expect(compact.at(-1)).toMatch(/^└─ ★ marks the fields to look at ─+$/);
    expect(compact[0]).toContain('Certificate: server');
  });
});
