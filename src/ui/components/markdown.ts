import type { Token } from 'marked';
import { type Inline, type MdBlock, markdownBlocks } from '../../course/markdown-model.js';
import type { Theme } from '../theme.js';
import { widthOf, wrapHanging, wrapLines } from './wrap.js';

/** Inline content (src/course/markdown-model.ts) as one styled string. */
function inline(content: Inline[], t: Theme): string {
  return content
    .map((i): string => {
      switch (i.kind) {
        case 'strong':
          return t.paint('strong', inline(i.children, t));
        case 'em':
          return t.paint('emphasis', inline(i.children, t));
        case 'del':
          return `~${inline(i.children, t)}~`;
        case 'code':
          // Without colour, backquotes keep code visible as code.
          return t.color ? t.paint('code', i.text) : `\`${i.text}\``;
        case 'link': {
          const text = t.paint('accent', inline(i.children, t));
          return i.href && !i.saysAddress ? `${text} (${i.href})` : text;
        }
        case 'break':
          return '\n';
        default:
          return i.text;
      }
    })
    .join('');
}

function table(tb: Extract<MdBlock, { kind: 'table' }>, width: number, t: Theme): string[] {
  const cols = tb.header.length;
  const cells = [tb.header, ...tb.rows].map((row) => row.map((c) => inline(c, t)));
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

function block(b: MdBlock, w: number, t: Theme): string[] {
  switch (b.kind) {
    case 'heading': {
      const text = inline(b.content, t);
      const lines = wrapLines(t.paint('heading', text), w);
      if (b.depth > 2) return lines;
      const under = (b.depth === 1 ? (t.unicode ? '═' : '=') : t.sym.hLine).repeat(
        Math.min(w, widthOf(text)),
      );
      return [...lines, t.paint('border', under)];
    }
    case 'paragraph':
      return inline(b.content, t)
        .split('\n')
        .flatMap((l) => wrapLines(l, w));
    case 'list':
      return b.items.flatMap((item, i) => {
        const marker = b.ordered ? `${b.start + i}. ` : `${t.sym.bullet} `;
        const box = item.task ? `${item.task.checked ? t.sym.checkboxOn : t.sym.checkboxOff} ` : '';
        const inner = item.blocks.flatMap((x) => block(x, w - widthOf(marker), t));
        return inner.map((l, li) => (li === 0 ? marker + box : ' '.repeat(widthOf(marker))) + l);
      });
    case 'code': {
      const bar = t.paint('border', `${t.sym.vLine} `);
      return b.text.split('\n').flatMap((l: string) => wrapHanging(t.paint('code', l), w, bar, bar));
    }
    case 'quote': {
      const bar = t.paint('border', `${t.sym.vLine} `);
      return b.blocks.flatMap((x) => block(x, w - 2, t)).map((l) => bar + l);
    }
    case 'table':
      return table(b, w, t);
    case 'rule':
      return [t.paint('border', t.sym.hLine.repeat(w))];
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
  for (const b of markdownBlocks(tokens)) {
    const lines = block(b, width, t);
    if (lines.length === 0) continue;
    if (out.length > 0) out.push('');
    out.push(...lines);
  }
  return out;
}
