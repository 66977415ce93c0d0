import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { markdownBlocks } from '../../src/course/markdown-model.js';
import { markdownToText } from '../../src/plain/markdown-text.js';
import { loadMarkdown, renderMarkdown } from '../../src/ui/components/markdown.js';
import { makeTheme } from '../../src/ui/theme.js';

const PAGE = [
  '# Keys & certificates',
  '',
  'A &lt;key&gt; & its "certificate", with `a & b` in code and a [link](https://example.test/a)',
  'and <https://example.test/b> that shows its address.',
  '',
  '- one **strong** item',
  '- two',
  '',
  '| Field | Meaning |',
  '|---|---|',
  '| cA | may issue &amp; sign |',
].join('\n');

describe('one Markdown block model for the TUI and the line mode', () => {
  it('decodes entities once, in text and code alike, and keeps soft breaks as spaces', () => {
    const blocks = markdownBlocks(marked.lexer(PAGE));
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'table']);
    const text = JSON.stringify(blocks);
    expect(text).not.toMatch(/&amp;|&lt;|&gt;|&quot;/);
    expect(text).toContain('A <key> & its \\"certificate\\"');
  });

  it('both emitters print the same words: the TUI only adds styling and layout', async () => {
    await loadMarkdown();
    const plain = markdownToText(PAGE);
    const tui = renderMarkdown(PAGE, 200, makeTheme({ color: false, unicode: true })).join('\n');
    for (const words of [
      'Keys & certificates',
      'A <key> & its "certificate", with',
      'a & b',
      'link (https://example.test/a) and https://example.test/b that shows its address.',
      'one strong item',
      'may issue & sign',
    ])
      for (const [name, out] of [
        ['line mode', plain],
        ['TUI', tui],
      ] as const)
        expect(out, `${name}: ${words}`).toContain(words);
    // An autolink already shows its address: it is not printed twice in either.
    expect(plain).not.toContain('https://example.test/b (https://example.test/b)');
    expect(tui).not.toContain('https://example.test/b (https://example.test/b)');
  });
});
