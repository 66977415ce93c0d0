import { join } from 'node:path';
import { CERT_KINDS, type CertKind } from '../pki/types.js';
import { fixtureReader, type InspectFixture } from './fixture-open.js';
import type { Course, Lesson, QuizItem } from './types.js';

/** The item's quiz.yaml under the pack folder as given (a lesson's folder is named by its id). */
const itemFile = (dir: string, lesson: Lesson) => join(dir, lesson.id, 'quiz.yaml');

/**
 * `lessons --check --explain`: each item that reads its answer from a certificate, with the fixture
 * and the answer the engine computed, so an author sees what the learner will be told is right.
 */
export function explainLines(course: Course, dir: string): string[] {
  const out: string[] = [];
  for (const lesson of course.lessons) {
    for (const item of lesson.quiz) {
      if (!item.fixture) continue;
      out.push(
        `${itemFile(dir, lesson)}: item '${item.id}': ${item.fixture.ref} -> ${item.answer.join(', ')}`,
      );
    }
  }
  return out;
}

/**
 * Phrases an explanation uses to call a certificate one kind. Matched as "a/an PHRASE", not after
 * "not" or "no", so "this is not a server certificate" names nothing.
 */
const KIND_PHRASES: [CertKind, RegExp][] = [
  ['server', /server certificate/],
  ['client', /client certificate/],
  ['root CA', /root (?:CA|certificate)/],
  ['intermediate CA', /intermediate (?:CA|certificate)/],
  ['code signing', /code[- ]signing certificate/],
  ['e-mail', /(?:e-?mail|S\/MIME) certificate/],
  ['time stamping', /time[- ]stamping certificate/],
  ['OCSP signing', /OCSP[- ]signing certificate/],
];

/** The kinds an explanation calls its certificate ("... is a server certificate"), in text order. */
export function kindsNamed(text: string): CertKind[] {
  const named: CertKind[] = [];
  for (const [kind, phrase] of KIND_PHRASES) {
    const re = new RegExp(`(^|[^\\w-])(\\w+\\s+)?an?\\s+${phrase.source}`, 'gi');
    for (const m of text.matchAll(re)) {
      const before = (m[2] ?? '').trim().toLowerCase();
      if (before !== 'not' && before !== 'no' && !named.includes(kind)) named.push(kind);
    }
  }
  return named;
}

/** Whether a computed kind agrees with a kind the text names (server+client is a server and a client). */
const agrees = (computed: string, named: CertKind) =>
  computed === named || (computed === 'server+client' && (named === 'server' || named === 'client'));

/**
 * Warnings for items whose explanation calls the certificate a kind the engine does not compute
 * and never the one it does (an `openssl req -x509` certificate is CA:TRUE, so the engine says
 * "root CA" where the author wrote "a server certificate"). Only classify items, whose answer is
 * the computed kind.
 */
export function kindWarnings(course: Course, dir: string): string[] {
  const out: string[] = [];
  for (const lesson of course.lessons) {
    for (const item of lesson.quiz) {
      const computed = computedKind(item);
      if (computed === undefined) continue;
      // Only when no kind it names agrees: a text may well mention what the certificate issues.
      const named = kindsNamed(item.explanation);
      if (named.length === 0 || named.some((k) => agrees(computed, k))) continue;
      const wrongKind = named[0]!;
      out.push(
        `${itemFile(dir, lesson)}: warning: item '${item.id}': the explanation calls it a ${wrongKind} certificate, but the engine computes '${computed}' from ${item.fixture!.ref}; fix the text or make the fixture match (an openssl req -x509 certificate is a CA)`,
      );
    }
  }
  return out;
}

function computedKind(item: QuizItem): string | undefined {
  if (item.kind !== 'classify' || !item.fixture || item.answer.length !== 1) return undefined;
  const a = item.answer[0]!;
  return (CERT_KINDS as readonly string[]).includes(a) ? a : undefined;
}

/** Words that make an item about validity, where a certificate outside its dates is the point. */
const ABOUT_VALIDITY = /expir|valid|not ?before|not ?after|lifetime|dates?\b/i;

/**
 * Warnings for items whose certificate is outside its validity at the pack's clock, unless the
 * item is about validity: every computed answer is judged at that clock (RFC 5280 §4.1.2.5), so
 * an expired fixture quietly changes what "valid" and the chain answers mean.
 */
export async function validityWarnings(
  course: Course,
  dir: string,
  read: InspectFixture = fixtureReader(new Date(course.clock)),
): Promise<string[]> {
  const out: string[] = [];
  for (const lesson of course.lessons) {
    for (const item of lesson.quiz) {
      if (!item.fixture || isAboutValidity(item)) continue;
      const report = await read(item.fixture.path, item.fixture.password).catch(() => undefined);
      const c = report?.certificates[item.fixture.index];
      if (!c || c.validity.status === 'valid') continue;
      out.push(
        `${itemFile(dir, lesson)}: warning: item '${item.id}': ${item.fixture.ref} is ${c.validity.status} at the pack's clock ${course.clock} (valid ${c.notBefore} to ${c.notAfter}); move the clock into its validity or use a fixture valid then`,
      );
    }
  }
  return out;
}

const isAboutValidity = (item: QuizItem) =>
  ABOUT_VALIDITY.test(item.prompt) || item.answer.some((a) => a === 'expired' || a === 'not yet valid');
