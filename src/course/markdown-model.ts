/**
 * One block model of a lesson page's Markdown, made once from marked's tokens, for the two front
 * ends that draw it (the TUI, styled and wrapped; the line mode, plain words). What the text *is*
 * lives here (entities decoded, soft line breaks as spaces, a link that already shows its address
 * not repeated); how it looks lives in each emitter. Takes the tokens, not the text, so the TUI can
 * keep loading marked after its first frame.
 */
import type { Token, Tokens } from 'marked';
import { linkSaysItsAddress } from './link-text.js';

/** Inline content: text and its emphasis, code, links and hard breaks. */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em' | 'del'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; children: Inline[]; href: string; saysAddress: boolean }
  | { kind: 'break' };

/** One list item: its blocks, and a task box when it has one. */
export interface ListItem {
  blocks: MdBlock[];
  task?: { checked: boolean };
}

/** A block of a page. `tight` marks text directly inside a list item (no paragraph spacing). */
export type MdBlock =
  | { kind: 'heading'; depth: number; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[]; tight?: boolean }
  | { kind: 'list'; ordered: boolean; start: number; items: ListItem[] }
  | { kind: 'code'; text: string }
  | { kind: 'quote'; blocks: MdBlock[] }
  | { kind: 'table'; header: Inline[][]; rows: Inline[][][] }
  | { kind: 'rule' };

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
/** marked writes these five entities into text and code spans; the page means the characters. */
export const decodeEntities = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m);

/** The words of inline content, without any styling. */
export function plainText(content: Inline[]): string {
  return content
    .map((i) => {
      switch (i.kind) {
        case 'text':
        case 'code':
          return i.text;
        case 'break':
          return '\n';
        case 'link':
          return plainText(i.children);
        default:
          return plainText(i.children);
      }
    })
    .join('');
}

function inline(tokens: Token[] | undefined, fallback = ''): Inline[] {
  if (!tokens) return fallback ? [{ kind: 'text', text: decodeEntities(fallback).replace(/\n/g, ' ') }] : [];
  const out: Inline[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'strong':
      case 'em':
      case 'del':
        out.push({ kind: t.type, children: inline((t as Tokens.Strong).tokens, (t as Tokens.Strong).text) });
        break;
      case 'codespan':
        out.push({ kind: 'code', text: decodeEntities((t as Tokens.Codespan).text) });
        break;
      case 'link': {
        const l = t as Tokens.Link;
        const children = inline(l.tokens, l.text);
        out.push({
          kind: 'link',
          children,
          href: l.href,
          saysAddress: linkSaysItsAddress(plainText(children), l.href),
        });
        break;
      }
      case 'br':
        out.push({ kind: 'break' });
        break;
      case 'html':
        break;
      case 'text':
        // A line break inside a paragraph is only the author's wrapping: a space.
        if ('tokens' in t && t.tokens) out.push(...inline(t.tokens, t.text));
        else out.push({ kind: 'text', text: decodeEntities((t as Tokens.Text).text).replace(/\n/g, ' ') });
        break;
      default:
        if ('text' in t) out.push({ kind: 'text', text: decodeEntities(String(t.text)) });
    }
  }
  return out;
}

function block(t: Token): MdBlock | null {
  switch (t.type) {
    case 'heading':
      return { kind: 'heading', depth: (t as Tokens.Heading).depth, content: inline(t.tokens, t.text) };
    case 'paragraph':
      return { kind: 'paragraph', content: inline(t.tokens, t.text) };
    case 'text':
      return { kind: 'paragraph', content: inline((t as Tokens.Text).tokens, t.text), tight: true };
    case 'list': {
      const l = t as Tokens.List;
      return {
        kind: 'list',
        ordered: l.ordered,
        start: typeof l.start === 'number' ? l.start : 1,
        items: l.items.map((item) => ({
          blocks: markdownBlocks(item.tokens),
          ...(item.task ? { task: { checked: item.checked === true } } : {}),
        })),
      };
    }
    case 'code':
      return { kind: 'code', text: (t as Tokens.Code).text };
    case 'blockquote':
      return { kind: 'quote', blocks: markdownBlocks((t as Tokens.Blockquote).tokens) };
    case 'table': {
      const tb = t as Tokens.Table;
      return {
        kind: 'table',
        header: tb.header.map((h) => inline(h.tokens, h.text)),
        rows: tb.rows.map((r) => r.map((c) => inline(c.tokens, c.text))),
      };
    }
    case 'hr':
      return { kind: 'rule' };
    default:
      return null;
  }
}

/** The blocks of a page from marked's lexer tokens (spaces and HTML comments dropped). */
export function markdownBlocks(tokens: Token[]): MdBlock[] {
  return tokens.map(block).filter((b): b is MdBlock => b !== null);
}
