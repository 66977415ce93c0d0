import { z } from 'zod';
import { QUIZ_KINDS, type QuizKind } from './types.js';
import { type LineProblem, parseYamlSource, type YamlSource } from './yaml-source.js';

/** Ids of lessons and quiz items: lowercase words and digits joined by '-'. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const scalar = z.union([z.string(), z.number(), z.boolean()]);

const itemSchema = z.object({
  id: z.string().regex(ID_PATTERN),
  kind: z.string(),
  prompt: z.string().trim().min(1),
  hint: z.string().trim().min(1),
  explanation: z.string().trim().min(1),
  fixture: z.string().trim().min(1).optional(),
  password: scalar.optional(),
  answerFrom: z.string().trim().min(1).optional(),
  answer: z.union([scalar, z.array(scalar).min(1)]).optional(),
  choices: z.array(scalar).min(2).optional(),
  wrong: z.record(z.string(), z.string().trim().min(1)).optional(),
  order: z.enum(['fixed', 'shuffled']).optional(),
});

const ITEM_KEYS = Object.keys(itemSchema.shape);

/** A quiz item as written, validated for shape, with the lines its checks point at. */
export interface RawItem {
  id: string;
  kind: QuizKind;
  prompt: string;
  hint: string;
  explanation: string;
  fixture?: string;
  password?: string;
  answerFrom?: string;
  /** Normalised to texts: YAML true/false become 'yes'/'no'. */
  answer?: string[];
  choices?: string[];
  wrong: Record<string, string>;
  /** `order: fixed`: the choices are shown in the order written. */
  order?: 'fixed';
  /** Line of a key of this item (the item's first line when the key is absent). */
  lineOf(key: string): number;
}

/** quiz.yaml, read: the items whose shape is sound, and one problem per thing to fix. */
export interface QuizFile {
  items: RawItem[];
  problems: LineProblem[];
}

const WHAT: Record<string, string> = {
  id: "a short id such as 'which-eku' (lowercase words joined by '-')",
  kind: `one of ${QUIZ_KINDS.join(', ')}`,
  prompt: 'the question the learner reads',
  hint: 'a nudge shown on request, before answering',
  explanation: 'what is right and why, naming the field and the rule; shown after every answer',
  order: "'fixed' (choices shown as written) or 'shuffled' (the default)",
};

const text = (v: string | number | boolean) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));

/** Reads quiz.yaml: `items:` is a list of quiz items (lessons/README.md). */
export function parseQuizYaml(source: string): QuizFile {
  const src = parseYamlSource(source);
  if (src.syntaxErrors.length) return { items: [], problems: src.syntaxErrors };
  const problems: LineProblem[] = [];
  const doc = src.value as { items?: unknown } | null;
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.items)) {
    const line = doc && typeof doc === 'object' && 'items' in doc ? src.keyLineOf([], 'items') : 1;
    return { items: [], problems: [{ line, message: "quiz.yaml needs 'items:', a list of quiz items" }] };
  }
  const items: RawItem[] = [];
  const seen = new Set<string>();
  doc.items.forEach((raw, i) => {
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && seen.has(id)) {
      problems.push({
        line: src.lineOf(['items', i, 'id']),
        message: `item id '${id}' is used twice in this lesson; rename one (progress is saved by id)`,
      });
      return;
    }
    if (typeof id === 'string') seen.add(id);
    const item = readItem(raw, i, src, problems);
    if (item) items.push(item);
  });
  return { items, problems };
}

function readItem(raw: unknown, i: number, src: YamlSource, problems: LineProblem[]): RawItem | null {
  const path = ['items', i];
  const itemLine = src.lineOf(path);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({
      line: itemLine,
      message: `item ${i + 1} is not a map of keys; write '- id: ...' then its keys`,
    });
    return null;
  }
  const obj = raw as Record<string, unknown>;
  const name = typeof obj.id === 'string' ? `item '${obj.id}'` : `item ${i + 1}`;
  const before = problems.length;
  const parsed = itemSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      const missing = obj[key] === undefined;
      const line = missing ? itemLine : src.lineOf([...path, ...(issue.path as (string | number)[])]);
      problems.push({ line, message: describeIssue(name, key, missing, issue) });
    }
  }
  // A misspelt key (`answerfrom:`, `hints:`) would otherwise be ignored in silence.
  for (const key of Object.keys(obj)) {
    if (!ITEM_KEYS.includes(key)) {
      const near = ITEM_KEYS.find((k) => k.toLowerCase() === key.toLowerCase().replace(/s$/, ''));
      problems.push({
        line: src.keyLineOf(path, key),
        message: `${name} has an unknown key '${key}'; ${near ? `did you mean '${near}'?` : `the keys are ${ITEM_KEYS.join(', ')}`}`,
      });
    }
  }
  const kind = obj.kind;
  if (typeof kind === 'string' && !QUIZ_KINDS.includes(kind as QuizKind)) {
    problems.push({
      line: src.lineOf([...path, 'kind']),
      message: `${name} has unknown kind '${kind}'; use one of ${QUIZ_KINDS.join(', ')}`,
    });
  }
  if (!parsed.success || problems.length > before) return null;
  const d = parsed.data;
  const answer =
    d.answer === undefined ? undefined : (Array.isArray(d.answer) ? d.answer : [d.answer]).map(text);
  return {
    id: d.id,
    kind: d.kind as QuizKind,
    prompt: d.prompt.trim(),
    hint: d.hint.trim(),
    explanation: d.explanation.trim(),
    ...(d.fixture ? { fixture: d.fixture } : {}),
    ...(d.password !== undefined ? { password: String(d.password) } : {}),
    ...(d.answerFrom ? { answerFrom: d.answerFrom } : {}),
    ...(answer ? { answer } : {}),
    ...(d.choices ? { choices: d.choices.map(text) } : {}),
    wrong: Object.fromEntries(Object.entries(d.wrong ?? {}).map(([k, v]) => [k, v.trim()])),
    ...(d.order === 'fixed' ? { order: 'fixed' as const } : {}),
    lineOf: (key: string) => src.keyLineOf(path, key),
  };
}

function describeIssue(name: string, key: string, missing: boolean, issue: z.core.$ZodIssue): string {
  const label = issue.path.join('.');
  if (missing) return `${name} has no ${key}; add '${key}:' (${WHAT[key] ?? 'see lessons/README.md'})`;
  if (key === 'id' && issue.code === 'invalid_format') {
    return `${name}: the id must be lowercase words joined by '-'; rename it`;
  }
  if (key === 'order') return `${name}: order must be 'fixed' or 'shuffled' (the default)`;
  if (issue.code === 'too_small') {
    return issue.origin === 'array'
      ? `${name}: ${label} needs at least ${issue.minimum} entries; add the missing ones`
      : `${name}: ${label} is empty; write ${WHAT[key] ?? 'a text'}`;
  }
  const expected = issue.code === 'invalid_type' ? issue.expected : 'a text';
  return `${name}: ${label} has the wrong type (expected ${key === 'answer' ? 'a text or a list of texts' : expected}); see lessons/README.md`;
}
