import { certificateDrafts, type DraftItem } from './generate-cert-items.js';
import { chainDraft, crossChainDraft, keySpecDraft, privateKeyDraft } from './generate-file-items.js';
import type { FixtureFile } from './generate-fixtures.js';
import { seededRandom } from './generate-random.js';
import type { QuizFixture, QuizItem } from './types.js';

/** The course lesson that teaches each generated question (when the course has it). */
const LESSON_OF: Record<string, string> = {
  'classify:server': 'server-vs-client',
  'classify:client': 'server-vs-client',
  'classify:server+client': 'server-vs-client',
  'classify:root CA': 'self-signed-and-chains',
  'classify:intermediate CA': 'self-signed-and-chains',
  classify: 'eku-and-key-usage',
  'self-signed': 'self-signed-and-chains',
  'tls-server': 'eku-and-key-usage',
  'tls-client': 'eku-and-key-usage',
  'tls-server-openssl': 'eku-and-key-usage',
  'tls-client-openssl': 'eku-and-key-usage',
  'eku-oid': 'eku-and-key-usage',
  'private-key': 'private-keys-and-files',
  keyspec: 'keyspec',
  chain: 'self-signed-and-chains',
};

/**
 * The lesson a generated item sends the learner back to: the course lesson for its kind of
 * question when the course has it, else the first lesson that shows the file, else the last lesson.
 */
function lessonFor(d: DraftItem, f: FixtureFile, lessonIds: string[]): string {
  const wanted = [
    LESSON_OF[`${d.gen}:${d.answer[0]}`],
    LESSON_OF[d.gen],
    d.gen === 'private-key' || d.gen === 'keyspec' ? f.report.lesson : undefined,
    ...f.lessons,
  ];
  return (
    wanted.find((l) => l !== undefined && lessonIds.includes(l)) ??
    lessonIds[lessonIds.length - 1] ??
    'generated'
  );
}

// A certificate file and its key file of the same name (leaf/server.pem + leaf/server.key) are a
// pair made for the lessons: "does it carry a key?" on each half would be asked dozens of times.
// Containers and unpaired files are asked about.
const PAIR_CERT = /\.(pem|crt|cer|der)$/i;
function isPairHalf(f: FixtureFile, keys: Set<string>): boolean {
  const stem = f.key.replace(/\.[^./]+$/, '');
  if (f.report.format === 'private key' && /\.key$/i.test(f.key))
    return ['.pem', '.crt', '.cer', '.der'].some((e) => keys.has(stem + e));
  if (PAIR_CERT.test(f.key) && f.report.certificates.length === 1 && !f.report.hasPrivateKey)
    return keys.has(`${stem}.key`);
  return false;
}

function toItem(d: DraftItem, id: string, lessonId: string, fixture: QuizFixture): QuizItem {
  return {
    id,
    lessonId,
    kind: d.kind,
    prompt: d.prompt,
    fixture,
    choices: d.choices,
    answer: d.answer,
    hint: d.hint,
    explanation: d.explanation,
    wrong: d.wrong ?? {},
    source: 'generated',
  };
}

/**
 * Generates questions from fixture files the engine has read. Pure and deterministic: the same
 * files give the same items, ids and choices. Each distinct certificate (by SHA-256) is asked about
 * once, from the file with the fewest certificates that holds it; ids look like
 * `gen:classify:leaf/server.pem` (`#N` for the N-th certificate of a file, `pack:` for a teacher
 * pack's own fixtures). Choices are in a fixed
 * order here: the quiz shuffles them with its seed.
 */
export function generateItems(files: FixtureFile[], lessonIds: string[]): QuizItem[] {
  const usable = files.filter((f) => !f.report.error || f.report.certificates.length > 0);
  const home = new Map<string, { file: FixtureFile; index: number }>();
  const bySize = [...usable].sort((a, b) => a.report.certificates.length - b.report.certificates.length);
  for (const f of bySize)
    for (const c of f.report.certificates)
      if (!home.has(c.sha256)) home.set(c.sha256, { file: f, index: c.index });
  const keys = new Set(files.map((f) => f.key));
  // One chain question per distinct set of certificates (chain.pem, chain.p7b and a PFX often hold
  // the same chain), asked on the most readable file: PEM, then PKCS#7, then PKCS#12.
  const chainFile = new Map<string, string>();
  const rank = (f: FixtureFile) => ['PEM', 'DER', 'PKCS#7', 'PKCS#12'].indexOf(f.report.format) >>> 0;
  for (const f of [...usable].sort((a, b) => rank(a) - rank(b))) {
    const sig = f.report.certificates.map((c) => c.sha256).join(' ');
    if (f.report.certificates.length > 1 && !chainFile.has(sig)) chainFile.set(sig, f.key);
  }
  const out: QuizItem[] = [];
  for (const f of usable) {
    const fixture = (index: number): QuizFixture => ({
      ref: index > 0 ? `${f.ref}#${index}` : f.ref,
      path: f.path,
      index,
      ...(f.password !== undefined ? { password: f.password } : {}),
    });
    for (const c of f.report.certificates) {
      const h = home.get(c.sha256);
      if (h?.file !== f || h.index !== c.index) continue;
      const where = c.index > 0 ? `${f.key}#${c.index}` : f.key;
      for (const d of certificateDrafts(c, seededRandom(`distractors|${where}`))) {
        out.push(toItem(d, `gen:${d.gen}:${where}`, lessonFor(d, f, lessonIds), fixture(c.index)));
      }
    }
    const fileDrafts = [
      isPairHalf(f, keys) ? undefined : privateKeyDraft(f.report, f.key.replace(/^pack:/, '')),
      keySpecDraft(f.report, f.key.replace(/^pack:/, '')),
      chainFile.get(f.report.certificates.map((c) => c.sha256).join(' ')) === f.key
        ? chainDraft(f.report, f.key.replace(/^pack:/, ''), seededRandom(`distractors|chain|${f.key}`))
        : f.chain
          ? crossChainDraft(
              f.chain.report,
              f.chain.certs,
              f.key.replace(/^pack:/, ''),
              seededRandom(`distractors|chain|${f.key}`),
            )
          : undefined,
    ];
    for (const d of fileDrafts) {
      if (d) out.push(toItem(d, `gen:${d.gen}:${f.key}`, lessonFor(d, f, lessonIds), fixture(0)));
    }
  }
  return out;
}
