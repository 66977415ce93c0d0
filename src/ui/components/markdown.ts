import type { Token, Tokens } from 'marked';
import { linkSaysItsAddress } from '../../course/link-text.js';
import type { Theme } from '../theme.js';
import { widthOf, wrapHanging, wrapLines } from './wrap.js';

/** Renders inline tokens (emphasis, code, links...) to one styled string. */
function inline(tokens: Token[] | undefined, t: Theme): string {
  if (!tokens) return '';
  return tokens
    .map((tok): string => {
      switch (tok.type) {
        case 'strong':
          return t.paint('strong', inline(tok.tokens, t));
        case 'em':
          return t.paint('emphasis', inline(tok.tokens, t));
        case 'codespan':
          // Without colour, backquotes keep code visible as code.
          return t.color ? t.paint('code', decodeEntities(tok.text)) : `\`${decodeEntities(tok.text)}\``;
        case 'del':
          return `~${inline(tok.tokens, t)}~`;
        case 'link': {
          const text = inline(tok.tokens, t);
          return tok.href && !linkSaysItsAddress(tok.text, tok.href)
            ? `${t.paint('accent', text)} (${tok.href})`
            : t.paint('accent', text);
        }
        case 'br':
          return '\n';
        case 'html':
          return '';
        case 'text':
          // A soft line break inside a paragraph is a space; `br` is the hard break.
          return 'tokens' in tok && tok.tokens
            ? inline(tok.tokens, t)
            : decodeEntities(tok.text).replace(/\n/g, ' ');
        default:
          return 'text' in tok ? decodeEntities(String(tok.text)) : '';
      }
    })
    .join('');
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const decodeEntities = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m);

function table(tok: Tokens.Table, width: number, t: Theme): string[] {
  const cols = tok.header.length;
  const cells = [tok.header, ...tok.rows].map((row) => row.map((c) => inline(c.tokens, t)));
  const sep = ` ${t.sym.vLine} `;
  const avail = Math.max(cols * 4, width - (cols - 1) * 3);
  const natural = Array.from({ length: cols }, (_, i) =>
    Math.max(3, ...cells.map((r) => widthOf(r[i] ?? ''))),
  );
  const widths = [...natural];
  // Shrink the widest column until the table fits; cells then wrap inside their column.
  while (widths.reduce((a, b) => a + b, 0) > avail) {
    const i = widths.indexOf(Math.max(...widths));
    widths[i] = (widths[i] ?? 4) - 1;
  }
  const rowLines = (row: string[]) => {
    const wrapped = widths.map((w, i) => wrapLines(row[i] ?? '', w));
    const h = Math.max(...wrapped.map((c) => c.length));
    return Array.from({ length: h }, (_, li) =>
      wrapped
        .map((c, i) => (c[li] ?? '') + ' '.repeat(Math.max(0, (widths[i] ?? 0) - widthOf(c[li] ?? ''))))
        .join(sep)
        .trimEnd(),
    );
  };
  const [head, ...body] = cells;
  const rule = t.paint(
    'border',
    widths.map((w) => t.sym.hLine.repeat(w)).join(`${t.sym.hLine}${t.unicode ? '┼' : '+'}${t.sym.hLine}`),
  );
  return [...rowLines((head ?? []).map((h) => t.paint('strong', h))), rule, ...body.flatMap(rowLines)];
}

function block(tok: Token, width: number, t: Theme, indent: string): string[] {
  const w = width - widthOf(indent);
  switch (tok.type) {
    case 'heading': {
      const text = inline(tok.tokens, t);
      const lines = wrapLines(t.paint('heading', text), w);
      if (tok.depth > 2) return lines;
      const under = (tok.depth === 1 ? (t.unicode ? '═' : '=') : t.sym.hLine).repeat(
        Math.min(w, widthOf(text)),
      );
      return [...lines, t.paint('border', under)];
    }
    case 'paragraph':
    case 'text':
      return inline('tokens' in tok ? tok.tokens : undefined, t)
        .split('\n')
        .flatMap((l) => wrapLines(l, w));
    case 'list': {
      const list = tok as Tokens.List;
      const start = typeof list.start === 'number' ? list.start : 1;
      return list.items.flatMap((item, i) => {
        const marker = list.ordered ? `${start + i}. ` : `${t.sym.bullet} `;
        const box = item.task ? `${item.checked ? t.sym.checkboxOn : t.sym.checkboxOff} ` : '';
        const inner = item.tokens.flatMap((b) => block(b, w - widthOf(marker), t, ''));
        return inner.map((l, li) => (li === 0 ? marker + box : ' '.repeat(widthOf(marker))) + l);
      });
    }
    case 'code': {
      const bar = t.paint('border', `${t.sym.vLine} `);
      return tok.text.split('\n').flatMap((l: string) => wrapHanging(t.paint('code', l), w, bar, bar));
    }
    case 'blockquote': {
      const bar = t.paint('border', `${t.sym.vLine} `);
      return (tok as Tokens.Blockquote).tokens.flatMap((b) => block(b, w - 2, t, '')).map((l) => bar + l);
    }
    case 'table':
      return table(tok as Tokens.Table, w, t);
    case 'hr':
      return [t.paint('border', t.sym.hLine.repeat(w))];
    case 'space':
    case 'html':
      return [];
    default:
      return 'text' in tok ? wrapLines(String(tok.text), w) : [];
  }
}

let lexer: typeof import('marked').lexer | undefined;

/**
 * Loads marked, which the home screen does not need: the app calls this right after the first
 * frame (about 15 ms of start-up saved), and before it when it opens a lesson directly.
 */
export async function loadMarkdown(): Promise<void> {
  lexer ??= (await import('marked')).lexer;
}

/** True once marked is loaded; until then renderMarkdown shows the text as it is, wrapped. */
export const isMarkdownReady = (): boolean => lexer !== undefined;

const cache = new Map<string, string[]>();
const CACHE_SIZE = 200;

/**
 * Renders Markdown (marked's lexer) to styled lines no wider than `width`: headings, paragraphs,
 * emphasis, code, lists, tables and quotes. Blocks are separated by one blank line. Results are
 * kept (by text, width and theme) so paging back and forth, or a page rendered ahead, costs nothing.
 */
export function renderMarkdown(md: string, width: number, t: Theme): string[] {
  const lex = lexer;
  if (!lex) return md.split('\n').flatMap((l) => wrapLines(l, width));
  const key = `${width}\u0000${t.color}\u0000${t.unicode}\u0000${md}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const lines = render(lex(md), width, t);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, lines);
  return lines;
}

function render(tokens: Token[], width: number, t: Theme): string[] {
  const out: string[] = [];
  for (const tok of tokens) {
    const lines = block(tok, width, t, '');
    if (lines.length === 0) continue;
    if (out.length > 0) out.push('');
    out.push(...lines);
  }
  return out;
}
