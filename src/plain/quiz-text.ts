import type { QuizItem } from '../course/types.js';

/** Minutes and seconds, e.g. "1m 05s" or "42s". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** The right answer(s) of an item in words, e.g. "server" or "serverAuth and clientAuth". */
export function answerText(item: QuizItem): string {
  const a = item.answer;
  if (a.length <= 1) return a[0] ?? '';
  return `${a.slice(0, -1).join(', ')} and ${a[a.length - 1]}`;
}

/** What to type at the prompt for this item. */
export function answerPrompt(item: QuizItem): string {
  const n = item.choices.length;
  return item.kind === 'multi-choice'
    ? `Your answer (every right number, e.g. 1 3; h hint; q stop): `
    : `Your answer (1-${n}; h hint; q stop): `;
}

/** The outcome of reading one line typed at the prompt. */
export type ParsedAnswer =
  | { type: 'answer'; given: string[] }
  | { type: 'hint' }
  | { type: 'quit' }
  | { type: 'invalid'; message: string };

/** Reads what the learner typed: choice numbers, `h` (hint) or `q` (stop). */
export function parseAnswer(item: QuizItem, line: string): ParsedAnswer {
  const t = line.trim().toLowerCase();
  if (t === 'h' || t === 'hint' || t === '?') return { type: 'hint' };
  if (t === 'q' || t === 'quit' || t === 'stop') return { type: 'quit' };
  const n = item.choices.length;
  const help = `Type a number from 1 to ${n}, h for a hint or q to stop.`;
  const parts = t.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0 || !parts.every((p) => /^\d+$/.test(p))) return { type: 'invalid', message: help };
  const nums = [...new Set(parts.map(Number))];
  if (nums.some((x) => x < 1 || x > n)) return { type: 'invalid', message: help };
  if (item.kind !== 'multi-choice' && nums.length > 1)
    return { type: 'invalid', message: `Only one answer here. ${help}` };
  return { type: 'answer', given: nums.map((x) => item.choices[x - 1]!) };
}
