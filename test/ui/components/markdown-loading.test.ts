import { describe, expect, it } from 'vitest';
import { isMarkdownReady, loadMarkdown, renderMarkdown } from '../../../src/ui/components/markdown.js';
import { makeTheme } from '../../../src/ui/theme.js';

const plain = makeTheme({ color: false, unicode: true });

describe('Markdown before and after marked is loaded (it loads after the first frame)', () => {
  it('shows the text as it is, wrapped, until loadMarkdown, then renders it', async () => {
    expect(isMarkdownReady()).toBe(false);
    expect(renderMarkdown('# Title\n\none two three', 8, plain)).toEqual(['# Title', '', 'one two', 'three']);
    await loadMarkdown();
    expect(isMarkdownReady()).toBe(true);
    expect(renderMarkdown('# Title\n\none two three', 8, plain)).toEqual([
      'Title',
      '═════',
      '',
      'one two',
      'three',
    ]);
  });
});
