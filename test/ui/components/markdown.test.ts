import { beforeAll, describe, expect, it } from 'vitest';
import { loadMarkdown, renderMarkdown } from '../../../src/ui/components/markdown.js';
import { widthOf } from '../../../src/ui/components/wrap.js';
import { makeTheme } from '../../../src/ui/theme.js';

const plain = makeTheme({ color: false, unicode: true });
const ascii = makeTheme({ color: false, unicode: false });

// The app loads marked after its first frame; these tests render with it loaded.
beforeAll(() => loadMarkdown());

describe('renderMarkdown', () => {
  it('prints an autolink once, and a link whose text differs with its address', () => {
    const out = renderMarkdown(
      'Open www.example.test or <https://a.test/x>, mail ca@example.test, or [the RFC](https://rfc.test/5280).',
      100,
      plain,
    ).join('\n');
    expect(out).toBe(
      'Open www.example.test or https://a.test/x, mail ca@example.test, or the RFC (https://rfc.test/5280).',
    );
  });

  it('underlines headings and joins soft line breaks into one paragraph', () => {
    const lines = renderMarkdown('# Title\n\none\ntwo', 40, plain);
    expect(lines).toEqual(['Title', '═════', '', 'one two']);
  });

  it('wraps every line to the width, lists with a hanging indent', () => {
    const md = `- ${'word '.repeat(30)}\n- second\n\n1. first\n2. next`;
    const lines = renderMarkdown(md, 30, plain);
    for (const l of lines) expect(widthOf(l)).toBeLessThanOrEqual(30);
    expect(lines[0]?.startsWith('● word')).toBe(true);
    expect(lines[1]?.startsWith('  word')).toBe(true);
    expect(lines).toContain('1. first');
    expect(lines).toContain('2. next');
  });

  it('draws a table with a header rule, wrapping cells when the table is too wide', () => {
    const md = '| Field | OID |\n|---|---|\n| extendedKeyUsage | 2.5.29.37 |\n| keyUsage | 2.5.29.15 |';
    const lines = renderMarkdown(md, 60, plain);
    expect(lines[0]).toMatch(/^Field\s+│ OID$/);
    expect(lines[1]).toMatch(/^─+┼─+$/);
    expect(lines[2]).toBe('extendedKeyUsage │ 2.5.29.37');
    const narrow = renderMarkdown(md, 20, plain);
    for (const l of narrow) expect(widthOf(l)).toBeLessThanOrEqual(20);
  });

  it('keeps inline code visible without colour, and fenced code behind a bar', () => {
    const lines = renderMarkdown('Run `openssl x509`:\n\n```\nopenssl x509 -noout -text\n```', 60, plain);
    expect(lines[0]).toBe('Run `openssl x509`:');
    expect(lines).toContain('│ openssl x509 -noout -text');
  });

  it('uses only ASCII when the terminal cannot show Unicode', () => {
    const lines = renderMarkdown('# T\n\n- a\n\n| a | b |\n|---|---|\n| 1 | 2 |', 40, ascii);
    expect(lines.join('\n')).toMatch(/^[\u0020-\u007E\n]*$/);
  });

  it('adds colour codes for emphasis only when colour is on', () => {
    const colour = makeTheme({ color: true, unicode: true });
    expect(renderMarkdown('**bold**', 20, colour)[0]).toContain('\u001B[1m');
    expect(renderMarkdown('**bold**', 20, plain)[0]).toBe('bold');
  });
});
