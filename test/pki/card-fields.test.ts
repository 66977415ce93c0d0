import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderFileReport } from '../../src/commands/inspect-render.js';
import { HIGHLIGHT_FIELDS } from '../../src/course/types.js';
import { fixturesDir } from '../../src/paths.js';
import { certificateFields, fieldText } from '../../src/pki/card-fields.js';
import { inspectFile } from '../../src/pki/index.js';
import { certificateCard } from '../../src/plain/cert-card.js';
import { certCard } from '../../src/ui/components/cert-card.js';
import { makeTheme } from '../../src/ui/theme.js';

const now = new Date('2026-11-26T12:00:00Z');
const theme = makeTheme({ color: false, unicode: true });
// Wide enough that no field wraps; the TUI's border and marks are taken off each line.
const tuiText = (lines: string[]) => lines.map((l) => l.replace(/^[│|] {0,1}(★ |\* | {2})?/, '')).join('\n');

// Certificates whose fields differ in every way the card words them: EKU present/absent/unnamed,
// critical extensions, SANs of several types, EC and RSA keys, a v1 certificate without extensions.
const FILES = [
  'leaf/server.pem',
  'leaf/no-eku.pem',
  'leaf/server-ec.pem',
  'leaf/email.pem',
  'ca/root-ca.pem',
  'odd/v1.pem',
  'odd/unknown-critical.pem',
];

describe('one field model for the three front ends', () => {
  for (const file of FILES) {
    it(`the TUI card, the line mode and inspect print the same labels and values: ${file}`, async () => {
      const c = (await inspectFile(join(fixturesDir(), file), { now })).certificates[0]!;
      const fields = certificateFields(c, { reveal: true });
      const line = certificateCard(c, { reveal: true }).join('\n');
      const inspect = renderFileReport(
        { ...(await inspectFile(join(fixturesDir(), file), { now })) },
        { color: false },
      );
      const tui = tuiText(certCard(c, [], 2000, theme, true, false));
      for (const f of fields) {
        const words = fieldText(f);
        expect(line, `line mode: ${words}`).toContain(words);
        expect(inspect, `inspect: ${words}`).toContain(words);
        expect(tui, `TUI: ${words}`).toContain(words);
      }
    });
  }

  it('names every highlightable field', async () => {
    const c = (await inspectFile(join(fixturesDir(), 'leaf/server.pem'), { now })).certificates[0]!;
    const names = certificateFields(c).map((f) => f.field);
    for (const name of HIGHLIGHT_FIELDS) expect(names).toContain(name);
  });

  it('words an absent extension the same way: a v1 certificate has none', async () => {
    const c = (await inspectFile(join(fixturesDir(), 'odd/v1.pem'), { now })).certificates[0]!;
    const fields = certificateFields(c);
    // RFC 5280 §4.1.2.1: extensions only in v3, so each extension field says "absent".
    const ext = fields.filter((f) => f.oid);
    expect(ext.map((f) => f.field)).toEqual([
      'subjectAltName',
      'basicConstraints',
      'keyUsage',
      'extendedKeyUsage',
    ]);
    for (const f of ext) expect(f.value).toBe('absent');
    expect(fields.find((f) => f.field === 'version')?.value).toBe('v1');
  });

  it('states what an absent EKU means only when asked to reveal it', async () => {
    const c = (await inspectFile(join(fixturesDir(), 'leaf/no-eku.pem'), { now })).certificates[0]!;
    const eku = (reveal: boolean) =>
      certificateFields(c, { reveal }).find((f) => f.field === 'extendedKeyUsage');
    expect(eku(false)?.value).toBe('absent');
    expect(eku(true)?.value).toBe('absent: no restriction by EKU');
    expect(fieldText(eku(false)!)).toBe('Extended Key Usage (2.5.29.37): absent');
  });

  it('marks a critical extension in its label', async () => {
    const c = (await inspectFile(join(fixturesDir(), 'ca/root-ca.pem'), { now })).certificates[0]!;
    const bc = certificateFields(c).find((f) => f.field === 'basicConstraints')!;
    // The teaching root's basicConstraints is critical with cA TRUE (fixtures/README.md).
    expect(fieldText(bc)).toMatch(/^Basic Constraints \(2\.5\.29\.19, critical\): cA TRUE/);
  });
});
