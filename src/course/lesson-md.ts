import { findLab, LABS } from '../labs/catalog.js';
import { resolveFixtureRef } from './fixture-ref.js';
import { type CertBlock, HIGHLIGHT_FIELDS, type LabBlock, type Page, type PageBlock } from './types.js';
import { type LineProblem, parseYamlSource } from './yaml-source.js';

/** A certificate marker of lesson.md and the line it is on (the checker opens its file). */
export interface CertMarker {
  line: number;
  block: CertBlock;
}

/** lesson.md, read: its front matter, its pages, the certificates it shows, and its problems. */
export interface LessonMarkdown {
  title: string;
  summary: string;
  pages: Page[];
  certs: CertMarker[];
  problems: LineProblem[];
}

const PAGE_BREAK = /^\s*<!--\s*page\s*-->\s*$/;
const CERT_MARKER = /^\s*<!--\s*cert:(.*?)-->\s*$/;
const LAB_MARKER = /^\s*<!--\s*lab:(.*?)-->\s*$/;
const EXERCISE_MARKER = /^\s*<!--\s*exercise:(.*?)-->\s*$/;
const FENCE = /^\s*(```|~~~)/;

/**
 * Reads lesson.md: YAML front matter (title, summary), then Markdown pages split by lines holding
 * only `<!-- page -->`; a line `<!-- cert: PATH highlight=F,F password=P -->` embeds a fixture, and
 * a line `<!-- lab: ID scenario=ID -->` offers a TLS lab, `<!-- exercise: ID -->` a hands-on exercise.
 * Markers inside fenced code blocks are text, so a lesson can show the syntax itself.
 */
export function parseLessonMarkdown(text: string, packDir: string): LessonMarkdown {
  const problems: LineProblem[] = [];
  const out: LessonMarkdown = { title: '', summary: '', pages: [], certs: [], problems };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (text.trim() === '') {
    problems.push({
      line: 1,
      message: 'lesson.md is empty; write a front matter (title, summary) and the pages',
    });
    return out;
  }
  let start = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
    if (end < 0) {
      problems.push({ line: 1, message: "the front matter never ends; close it with a line '---'" });
      return out;
    }
    readFrontMatter(lines.slice(1, end).join('\n'), out);
    start = end + 1;
  } else {
    problems.push({
      line: 1,
      message: "lesson.md has no front matter; start it with '---', 'title: ...', 'summary: ...', '---'",
    });
  }
  readPages(lines, start, packDir, out);
  return out;
}

function readFrontMatter(yamlText: string, out: LessonMarkdown): void {
  const src = parseYamlSource(yamlText);
  // Front matter lines start at line 2 of the file.
  for (const e of src.syntaxErrors) out.problems.push({ line: e.line + 1, message: e.message });
  if (src.syntaxErrors.length) return;
  const fm = (src.value ?? {}) as Record<string, unknown>;
  for (const key of ['title', 'summary'] as const) {
    const v = fm[key];
    if (typeof v === 'string' && v.trim() !== '') out[key] = v.trim();
    else {
      const line = typeof fm === 'object' && key in fm ? src.keyLineOf([], key) + 1 : 1;
      const what = key === 'title' ? 'the lesson title' : 'one sentence saying what the lesson teaches';
      out.problems.push({ line, message: `the front matter has no ${key}; add '${key}: ${what}'` });
    }
  }
}

function readPages(lines: string[], start: number, packDir: string, out: LessonMarkdown): void {
  let page: { startLine: number; blocks: PageBlock[]; text: string[]; title?: string } = newPage(start + 1);
  let inFence = false;
  const flushText = () => {
    const t = page.text.join('\n').trim();
    if (t) page.blocks.push({ type: 'markdown', text: t });
    page.text = [];
  };
  const endPage = (nextStart: number) => {
    flushText();
    if (page.blocks.length === 0) {
      out.problems.push({
        line: page.startLine,
        message: 'this page is empty; write its text or remove the extra <!-- page --> line',
      });
    } else {
      out.pages.push({
        index: out.pages.length,
        ...(page.title ? { title: page.title } : {}),
        blocks: page.blocks,
      });
    }
    page = newPage(nextStart);
  };
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const lineNo = i + 1;
    if (FENCE.test(line)) inFence = !inFence;
    if (!inFence && PAGE_BREAK.test(line)) {
      endPage(lineNo);
      continue;
    }
    const cert = inFence ? null : line.match(CERT_MARKER);
    if (cert) {
      flushText();
      const block = readCertMarker(cert[1] ?? '', lineNo, packDir, out.problems);
      if (block) {
        page.blocks.push(block);
        out.certs.push({ line: lineNo, block });
      }
      continue;
    }
    const lab = inFence ? null : line.match(LAB_MARKER);
    if (lab) {
      flushText();
      const block = readLabMarker(lab[1] ?? '', lineNo, out.problems);
      if (block) page.blocks.push(block);
      continue;
    }
    const exercise = inFence ? null : line.match(EXERCISE_MARKER);
    if (exercise) {
      flushText();
      const id = (exercise[1] ?? '').trim();
      if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) page.blocks.push({ type: 'exercise', id });
      else
        out.problems.push({
          line: lineNo,
          message: 'write <!-- exercise: ID --> with the id of an exercise (exercises/ID)',
        });
      continue;
    }
    if (!inFence && page.title === undefined) {
      const h = line.match(/^#{1,6}\s+(.*?)\s*#*\s*$/);
      if (h?.[1]) page.title = h[1];
    }
    page.text.push(line);
  }
  endPage(lines.length);
}

const newPage = (startLine: number) => ({ startLine, blocks: [] as PageBlock[], text: [] as string[] });

function readCertMarker(
  body: string,
  line: number,
  packDir: string,
  problems: LineProblem[],
): CertBlock | null {
  const [ref, ...options] = body.trim().split(/\s+/);
  if (!ref || ref.includes('=')) {
    problems.push({
      line,
      message: 'this cert marker names no file; write <!-- cert: PATH highlight=FIELD,FIELD -->',
    });
    return null;
  }
  const resolved = resolveFixtureRef(ref, packDir);
  if ('error' in resolved) {
    problems.push({ line, message: resolved.error });
    return null;
  }
  const block: CertBlock = { type: 'cert', ...resolved, highlight: [] };
  for (const opt of options) {
    const [key, value = ''] = opt.split(/=(.*)/s);
    if (key === 'highlight') {
      block.highlight = value.split(',').filter(Boolean);
      const unknown = block.highlight.filter((f) => !HIGHLIGHT_FIELDS.includes(f));
      if (unknown.length) {
        problems.push({
          line,
          message: `cannot highlight ${unknown.map((f) => `'${f}'`).join(', ')}; use field names from: ${HIGHLIGHT_FIELDS.join(', ')}`,
        });
      }
    } else if (key === 'password') {
      block.password = value;
    } else {
      problems.push({
        line,
        message: `unknown cert marker option '${key}'; use highlight=FIELD,FIELD or password=P`,
      });
    }
  }
  return block;
}

const LAB_IDS = LABS.map((l) => l.id).join(', ');

function readLabMarker(body: string, line: number, problems: LineProblem[]): LabBlock | null {
  const [id, ...options] = body.trim().split(/\s+/);
  const lab = id ? findLab(id) : undefined;
  if (!id || id.includes('=') || !lab) {
    problems.push({
      line,
      message:
        id && !id.includes('=')
          ? `there is no lab '${id}'; use one of: ${LAB_IDS}`
          : `this lab marker names no lab; write <!-- lab: ID --> with ID one of: ${LAB_IDS}`,
    });
    return null;
  }
  const block: LabBlock = { type: 'lab', lab: lab.id };
  for (const opt of options) {
    const [key, value = ''] = opt.split(/=(.*)/s);
    if (key === 'scenario' && lab.scenarios.some((s) => s.id === value)) block.scenario = value;
    else if (key === 'scenario')
      problems.push({
        line,
        message: `the ${lab.id} lab has no scenario '${value}'; use one of: ${lab.scenarios.map((s) => s.id).join(', ')}`,
      });
    else problems.push({ line, message: `unknown lab marker option '${key}'; use scenario=ID` });
  }
  return block;
}
