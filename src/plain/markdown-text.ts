import { marked, type Token, type Tokens } from 'marked';
import { linkSaysItsAddress } from '../course/link-text.js';

/** Inline Markdown as plain words: emphasis and code marks dropped, a link keeps its address. */
function inline(tokens: Token[] | undefined, fallback = ''): string {
  if (!tokens) return fallback;
  return tokens
    .map((t) => {
      switch (t.type) {
        case 'strong':
        case 'em':
        case 'del':
          return inline((t as Tokens.Strong).tokens, (t as Tokens.Strong).text);
        case 'codespan':
          return (t as Tokens.Codespan).text;
        case 'link': {
          const l = t as Tokens.Link;
          const text = inline(l.tokens, l.text);
          return linkSaysItsAddress(text, l.href) ? text : `${text} (${l.href})`;
        }
        case 'br':
          return '\n';
        case 'text':
          // A line break inside a paragraph is only the author's wrapping: the line mode rewraps.
          return 'tokens' in t && t.tokens
            ? inline(t.tokens, t.text)
            : (t as Tokens.Text).text.replace(/\n/g, ' ');
        case 'escape':
          return (t as Tokens.Escape).text;
        case 'html':
          return '';
        default:
          return 'text' in t ? String(t.text) : t.raw;
      }
    })
    .join('');
}

function list(l: Tokens.List, indent: string): string[] {
  const out: string[] = [];
  const start = typeof l.start === 'number' ? l.start : 1;
  l.items.forEach((item, n) => {
    const mark = l.ordered ? `${start + n}. ` : '- ';
    const inner = blocks(item.tokens, `${indent}${' '.repeat(mark.length)}`).filter((x) => x !== '');
    const [first = '', ...rest] = inner;
    out.push(`${indent}${mark}${first.trimStart()}`, ...rest);
  });
  return out;
}

/** A table read row by row as "header: value" pairs: a screen reader keeps the column names. */
function table(t: Tokens.Table, indent: string): string[] {
  const heads = t.header.map((h) => inline(h.tokens, h.text));
  return t.rows.map(
    (row) =>
      `${indent}- ${row.map((cell, i) => `${heads[i] ? `${heads[i]}: ` : ''}${inline(cell.tokens, cell.text)}`).join('; ')}`,
  );
}

function blocks(tokens: Token[], indent = ''): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'heading':
        out.push('', `${indent}${inline((t as Tokens.Heading).tokens, (t as Tokens.Heading).text)}`, '');
        break;
      case 'paragraph':
        out.push(`${indent}${inline((t as Tokens.Paragraph).tokens, (t as Tokens.Paragraph).text)}`, '');
        break;
      case 'text':
        out.push(`${indent}${inline((t as Tokens.Text).tokens, (t as Tokens.Text).text)}`);
        break;
      case 'list':
        out.push(...list(t as Tokens.List, indent), '');
        break;
      case 'table':
        out.push(...table(t as Tokens.Table, indent), '');
        break;
      case 'code':
        out.push(...(t as Tokens.Code).text.split('\n').map((l) => `${indent}    ${l}`), '');
        break;
      case 'blockquote':
        out.push(...blocks((t as Tokens.Blockquote).tokens, `${indent}  `));
        break;
      case 'hr':
        out.push('');
        break;
      default:
        break;
    }
  }
  return out;
}

/**
 * Markdown as plain lines for the line mode: no markup characters a screen reader would spell
 * out, headings on their own line, lists with "-" or numbers, code indented, tables as labelled rows.
 */
export function markdownToText(markdown: string): string {
  const lines = blocks(marked.lexer(markdown));
  const out: string[] = [];
  for (const l of lines) if (!(l === '' && (out.length === 0 || out[out.length - 1] === ''))) out.push(l);
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
