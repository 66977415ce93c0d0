import type { FileReport } from '../pki/types.js';
import { type Random, seededRandom, shuffled } from './generate-random.js';
import type { QuizItem } from './types.js';

/**
 * The question as every front end shows it, built once here: the choices in the attempt's order
 * (an item pinned with `order: fixed` keeps its authored order). The TUI and the line mode only
 * render it; grading compares choice texts, so the order never changes a verdict.
 */

/** Whether picking only the first choice shown answers `item` rightly. */
export function firstIsRight(item: QuizItem): boolean {
  const first = item.choices[0];
  return first !== undefined && item.answer.length === 1 && item.answer[0] === first;
}

/** The chance that a learner who always picks the first choice of a random order is right. */
const chance = (item: QuizItem) => (item.answer.length === 1 ? 1 / Math.max(1, item.choices.length) : 0);

/** A seed for one quiz attempt: differs per learner and attempt (the instant it starts) and per lesson. */
export const attemptSeed = (lessonId: string, now: Date) => `${lessonId}|${now.getTime().toString(36)}`;

/** The seed of the n-th retry round (1-based) of an attempt: a retry reorders. */
export const retrySeed = (seed: string, n: number) => `${seed}|retry${n}`;

/**
 * The items of one round, in the round's order, each with its choices in the order shown.
 *
 * Each item's order is drawn from the seed and the item's id, so it holds for as long as the seed
 * is kept (a restart mid-quiz shows the same order). Over the round, an always-first learner is
 * held to what chance gives: an item whose draw puts a right answer first while the round already
 * had its fair share of first-place answers is turned by one place. Pinned items are left alone
 * but count towards the share.
 */
export function presentQuiz(items: readonly QuizItem[], seed: string): QuizItem[] {
  let expected = 0;
  let first = 0;
  return items.map((item) => {
    expected += chance(item);
    let shown = item;
    if (item.order !== 'fixed') {
      const random: Random = seededRandom(`${seed}|choices|${item.lessonId}/${item.id}`);
      const choices = shuffled(item.choices, random);
      shown = { ...item, choices };
      if (firstIsRight(shown) && first + 1 > Math.round(expected))
        shown = { ...item, choices: [...choices.slice(1), choices[0]!] };
    }
    if (firstIsRight(shown)) first++;
    return shown;
  });
}

/** One item presented alone (a review of one item): its choices in the seed's order. */
export const presentItem = (item: QuizItem, seed: string): QuizItem => presentQuiz([item], seed)[0]!;

/** The conclusion a question asks for, which every front end hides until the answer is given. */
export type Conclusion = 'kind' | 'key presence' | 'KeySpec' | 'field';

/** What a question asks, from its kind (and, for a computed `field` item, the property it reads). */
export function conclusionOf(item: QuizItem): Conclusion | undefined {
  switch (item.kind) {
    case 'classify':
      return 'kind';
    case 'has-private-key':
      return 'key presence';
    case 'keyspec':
      return 'KeySpec';
    default:
      // A field or choice question on a certificate may ask any verdict: all of them stay hidden.
      return item.fixture ? 'field' : undefined;
  }
}

/**
 * The lines that describe a file's contents as evidence, not as a verdict: its PEM blocks or
 * container bags, each private key by algorithm and label (never the key), and the raw key
 * attribute 2.5.29.15 where Windows' KeySpec name would be the answer (`isVerdictHidden`).
 */
export function fileEvidence(report: FileReport, isVerdictHidden: boolean): string[] {
  // The engine's file type ("private key") and its notes on keys are verdicts: hidden before the answer.
  const out: string[] = isVerdictHidden ? [] : [`Format: ${report.format}`];
  out.push(`Certificates: ${report.certificates.length}`);
  for (const k of report.privateKeys) {
    const what = [k.algorithm, k.size ? `${k.size} bits` : '', k.curve ?? ''].filter(Boolean).join(' ');
    const spec = k.keySpec
      ? isVerdictHidden
        ? `key attribute 2.5.29.15: ${KEYSPEC_RAW[k.keySpec] ?? k.keySpec}`
        : `KeySpec ${k.keySpec} (key attribute 2.5.29.15: ${KEYSPEC_RAW[k.keySpec] ?? '?'})`
      : '';
    out.push(`Block: ${k.format}${k.encrypted ? ' (encrypted)' : ''}; ${what}${spec ? `; ${spec}` : ''}`);
  }
  for (const note of report.notes) if (!isVerdictHidden || !/KeySpec|private key/i.test(note)) out.push(note);
  // A CRL shows what it says (RFC 5280 §5): who issued it, when, and whom it revokes.
  const crl = report.crl;
  if (crl) {
    out.push(
      `Issuer: ${crl.issuer}`,
      `This update: ${crl.thisUpdate}`,
      `Next update: ${crl.nextUpdate ?? 'none given'}`,
    );
    if (crl.crlNumber !== undefined) out.push(`CRL number: ${crl.crlNumber}`);
    for (const e of crl.entries.slice(0, 10))
      out.push(
        `Revoked: serial ${e.serial} on ${e.revocationDate.slice(0, 10)}${e.reason ? `, reason ${e.reason}` : ''}`,
      );
    if (crl.entries.length > 10) out.push(`and ${crl.entries.length - 10} more revoked serials`);
  }
  return out;
}

/** Whether a question is about a whole file (its card is the file's contents) rather than one certificate. */
export const isFileQuestion = (item: QuizItem) => {
  const c = conclusionOf(item);
  return c === 'key presence' || c === 'KeySpec';
};

/** The label a question's fixture file goes by before the answer: file names may encode it. */
export const NEUTRAL_FILE_LABEL = 'file A';

/** The fields a question's card marks once it is answered: those that decide each kind of question. */
export const ANSWER_HIGHLIGHT: Record<string, string[]> = {
  classify: ['extendedKeyUsage', 'keyUsage', 'basicConstraints'],
  field: ['extendedKeyUsage', 'keyUsage', 'basicConstraints', 'subjectAltName'],
  keyspec: ['keyUsage'],
};

/** The raw value of the key attribute 2.5.29.15 that Windows reads as KeySpec (lessons: keyspec). */
export const KEYSPEC_RAW: Record<string, string> = {
  AT_KEYEXCHANGE: '0x10',
  AT_SIGNATURE: '0x80',
  'not recorded': 'absent',
};
