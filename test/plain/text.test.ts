import { describe, expect, it } from 'vitest';
import { certificateCard } from '../../src/plain/cert-card.js';
import { markdownToText } from '../../src/plain/markdown-text.js';
import { plainWidth, wrapText } from '../../src/plain/wrap.js';

describe('line-mode text', () => {
  it('wraps to the width without splitting words and keeps list and label indentation', () => {
    const long = 'word '.repeat(30).trim();
    for (const l of wrapText(long, 40).split('\n')) expect(l.length).toBeLessThanOrEqual(40);
    expect(wrapText(long, 40).replace(/\n/g, ' ')).toBe(long);
    const item = wrapText(`- ${long}`, 40).split('\n');
    expect(item.slice(1).every((l) => l.startsWith('  word'))).toBe(true);
    const label = wrapText(`  Extensions: ${long}`, 40).split('\n');
    expect(label.slice(1).every((l) => l.startsWith(' '.repeat(14)))).toBe(true);
  });

  it('takes the width from COLUMNS, else 80', () => {
    expect(plainWidth({ COLUMNS: '100' })).toBe(100);
    expect(plainWidth({})).toBe(80);
    expect(plainWidth({ COLUMNS: 'wide' })).toBe(80);
  });

  it('prints an autolink once, and a link whose text differs with its address', () => {
    expect(
      markdownToText('Open www.example.test, mail ca@example.test, or [the RFC](https://rfc.test/5280).'),
    ).toBe('Open www.example.test, mail ca@example.test, or the RFC (https://rfc.test/5280).');
  });

  it('turns Markdown into plain lines a screen reader can read', () => {
    const text = markdownToText(
      '# Chains\n\nA **root** is\n`self-signed`.\n\n- one\n- two\n\n| Field | Meaning |\n|---|---|\n| cA | may issue |\n',
    );
    expect(text).toBe('Chains\n\nA root is self-signed.\n\n- one\n- two\n\n- Field: cA; Meaning: may issue');
  });

  it('prints a certificate as labelled lines, marking highlighted fields and hiding the verdict unless asked', async () => {
    const { inspectFile } = await import('../../src/pki/index.js');
    const { fixturesDir } = await import('../../src/paths.js');
    const report = await inspectFile(`${fixturesDir()}/leaf/server.pem`, {
      now: new Date('2026-11-26T12:00:00Z'),
    });
    const cert = report.certificates[0]!;
    const quiz = certificateCard(cert);
    expect(quiz).toContain(`  Subject: ${cert.subject.text}`);
    expect(quiz.join('\n')).toContain('Extended Key Usage (2.5.29.37): serverAuth (1.3.6.1.5.5.7.3.1)');
    expect(quiz.join('\n')).not.toContain('Kind:');
    const lesson = certificateCard(cert, { highlight: ['issuer'], reveal: true });
    expect(lesson).toContain(`> Issuer: ${cert.issuer.text}`);
    expect(lesson).toContain('  Kind: server (end entity)');
  });
});

describe('line-mode certificate card', () => {
  it('shows each decoded extension value under Extensions (key identifiers as openssl prints them)', async () => {
    const { inspectFile } = await import('../../src/pki/inspect-file.js');
    const { fixturesDir } = await import('../../src/paths.js');
    const r = await inspectFile(`${fixturesDir()}/leaf/server.pem`, {
      now: new Date('2026-11-26T12:00:00Z'),
    });
    const lines = certificateCard(r.certificates[0]!);
    // openssl x509 -noout -ext subjectKeyIdentifier,authorityKeyIdentifier on this fixture
    expect(lines).toContain(
      '  subjectKeyIdentifier (2.5.29.14): F9:1C:6A:76:0A:61:1E:2C:31:4E:28:96:04:11:12:6D:67:F2:49:2A',
    );
    expect(lines).toContain(
      '  authorityKeyIdentifier (2.5.29.35): keyid:B2:18:C0:27:CF:61:3E:1A:8B:78:CD:31:79:7A:14:3F:88:6F:88:4F',
    );
  });
});
