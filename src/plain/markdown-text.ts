import { marked } from 'marked';
import { type Inline, type MdBlock, markdownBlocks, plainText } from '../course/markdown-model.js';

/** Inline content as plain words: emphasis and code marks dropped, a link keeps its address. */
function words(content: Inline[]): string {
  return content
    .map((i) => {
      if (i.kind === 'link') return i.saysAddress ? words(i.children) : `${words(i.children)} (${i.href})`;
      if (i.kind === 'strong' || i.kind === 'em' || i.kind === 'del') return words(i.children);
      return plainText([i]);
    })
    .join('');
}

function list(b: Extract<MdBlock, { kind: 'list' }>, indent: string): string[] {
  const out: string[] = [];
  b.items.forEach((item, n) => {
    const mark = b.ordered ? `${b.start + n}. ` : '- ';
    const inner = lines(item.blocks, `${indent}${' '.repeat(mark.length)}`).filter((x) => x !== '');
    const [first = '', ...rest] = inner;
    out.push(`${indent}${mark}${first.trimStart()}`, ...rest);
  });
  return out;
}

/** A table read row by row as "header: value" pairs: a screen reader keeps the column names. */
function table(b: Extract<MdBlock, { kind: 'table' }>, indent: string): string[] {
  const heads = b.header.map(words);
  return b.rows.map(
    (row) =>
      `${indent}- ${row.map((cell, i) => `${heads[i] ? `${heads[i]}: ` : ''}${words(cell)}`).join('; ')}`,
  );
}

function lines(blocks: MdBlock[], indent = ''): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push('', `${indent}${words(b.content)}`, '');
        break;
      case 'paragraph':
        out.push(`${indent}${words(b.content)}`, ...(b.tight ? [] : ['']));
        break;
      case 'list':
        out.push(...list(b, indent), '');
        break;
      case 'table':
        out.push(...table(b, indent), '');
        break;
      case 'code':
        out.push(...b.text.split('\n').map((l) => `${indent}    ${l}`), '');
        break;
      case 'quote':
        out.push(...lines(b.blocks, `${indent}  `));
        break;
      case 'rule':
        out.push('');
        break;
    }
  }
  return out;
}

/**
 * Markdown as plain lines for the line mode (the block model of src/course/markdown-model.ts): no
 * markup characters a screen reader would spell out, headings on their own line, lists with "-" or
 * numbers, code indented, tables as labelled rows.
 */
export function markdownToText(markdown: string): string {
  const all = lines(markdownBlocks(marked.lexer(markdown)));
  const out: string[] = [];
  for (const l of all) if (!(l === '' && (out.length === 0 || out[out.length - 1] === ''))) out.push(l);
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
