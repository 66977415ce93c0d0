import { CERT_KINDS, type CertificateReport, type CertKind, type PurposeId } from '../pki/types.js';
import { KIND_NEIGHBOURS } from './answer-from.js';
import { type Random, sample } from './generate-random.js';
import { ekuWords, KIND_PURPOSE, PURPOSE_OIDS, PURPOSE_WORDS, YES_NO, yesNo } from './generate-text.js';
import { endSentence, joinSentences } from './sentence.js';
import type { QuizKind } from './types.js';

/** A generated question before it is tied to a fixture and a lesson. */
export interface DraftItem {
  /** The generator kind, part of the item id: classify, self-signed, tls-server... */
  gen: string;
  kind: QuizKind;
  prompt: string;
  choices: string[];
  answer: string[];
  hint: string;
  explanation: string;
  wrong?: Record<string, string>;
}

/** Four choices: the answer and three plausible other kinds, never duplicated. */
function kindChoices(answer: CertKind, random: Random): string[] {
  const near = KIND_NEIGHBOURS[answer].filter((k) => k !== answer);
  const picked = sample(near, 3, random);
  const rest = CERT_KINDS.filter((k) => k !== answer && !picked.includes(k));
  return [answer, ...picked, ...sample(rest, 3 - picked.length, random)];
}

// The purposes a kind needs: a wrong pick is explained by the engine's reason for a purpose the
// certificate lacks.
const KIND_NEEDS: Partial<Record<CertKind, PurposeId[]>> = {
  server: ['serverAuth'],
  client: ['clientAuth'],
  'server+client': ['serverAuth', 'clientAuth'],
  'code signing': ['codeSigning'],
  'e-mail': ['emailProtection'],
  'time stamping': ['timeStamping'],
  'OCSP signing': ['OCSPSigning'],
};

/** Why a wrong kind is wrong for this certificate, when the engine's report says it plainly. */
function whyNotKind(c: CertificateReport, k: CertKind): string | undefined {
  if ((k === 'root CA' || k === 'intermediate CA') && c.role === 'end entity')
    return 'It is an end-entity certificate: basicConstraints cA is not TRUE, so it may not issue certificates (RFC 5280 §4.2.1.9).';
  if (k === 'root CA' && c.role === 'intermediate CA')
    return `It is not self-signed: ${c.issuer.text} issued it.`;
  if (k === 'intermediate CA' && c.role === 'root CA')
    return 'It is self-signed: a root, not an intermediate.';
  const lacking = (KIND_NEEDS[k] ?? []).find((p) => !c.purposes[p]);
  return lacking ? c.purposeReasons[lacking] : undefined;
}

function classify(c: CertificateReport, random: Random): DraftItem {
  const choices = kindChoices(c.kind, random);
  const wrong: Record<string, string> = {};
  for (const k of choices.slice(1) as CertKind[]) {
    const why = whyNotKind(c, k);
    if (why) wrong[k] = why;
  }
  return {
    gen: 'classify',
    kind: 'classify',
    prompt: 'What kind of certificate is this?',
    choices,
    answer: [c.kind],
    hint: 'Look at basicConstraints first, then at the Extended Key Usage and Key Usage extensions.',
    explanation: c.summary,
    wrong,
  };
}

function selfSigned(c: CertificateReport): DraftItem {
  const same = c.subject.text === c.issuer.text;
  const why = c.selfSigned
    ? `Its issuer is its own subject (${c.subject.text}) and its signature verifies with its own public key: it is self-signed.`
    : same
      ? `Its issuer and subject are the same name, but its signature does not verify with its own key: it is self-issued, not self-signed.`
      : `It was issued by ${c.issuer.text}, not by itself (${c.subject.text}).`;
  return {
    gen: 'self-signed',
    kind: 'choice',
    prompt: 'Is this certificate self-signed?',
    choices: YES_NO,
    answer: [yesNo(c.selfSigned)],
    hint: 'Compare "Issued to" (subject) with "Issued by" (issuer).',
    explanation: why,
  };
}

const ROW: Record<'serverAuth' | 'clientAuth', 'SSL server' | 'SSL client'> = {
  serverAuth: 'SSL server',
  clientAuth: 'SSL client',
};

function tlsRfc(c: CertificateReport, p: 'serverAuth' | 'clientAuth'): DraftItem {
  const role = p === 'serverAuth' ? 'server' : 'client';
  return {
    gen: `tls-${role}`,
    kind: 'choice',
    prompt: `By the rules of RFC 5280, may this certificate ${PURPOSE_WORDS[p]}?`,
    choices: YES_NO,
    answer: [yesNo(c.purposes[p])],
    hint: `No Extended Key Usage means no restriction; if there is one, it must list ${p}. Key Usage must agree too.`,
    explanation: endSentence(c.purposeReasons[p]),
  };
}

function tlsOpenSsl(c: CertificateReport, p: 'serverAuth' | 'clientAuth'): DraftItem {
  const role = p === 'serverAuth' ? 'server' : 'client';
  const row = ROW[p];
  const ok = c.openssl[row];
  const notes = c.findings
    .filter((f) => f.code === 'any-eku-only' || f.code === 'ku-eku-disjoint')
    .map((f) => f.message);
  return {
    gen: `tls-${role}-openssl`,
    kind: 'choice',
    prompt: `Does OpenSSL 3.0 accept this certificate as a TLS ${role} certificate ("${row}" in openssl x509 -purpose)?`,
    choices: YES_NO,
    answer: [yesNo(ok)],
    hint: 'OpenSSL does not accept anyExtendedKeyUsage in place of a specific TLS purpose.',
    explanation: joinSentences([
      `OpenSSL prints "${row} : ${c.opensslText[row]}". RFC 5280 reads it otherwise: ${c.purposeReasons[p]}`,
      ...notes,
    ]),
  };
}

function ekuOid(c: CertificateReport, p: PurposeId, random: Random): DraftItem | undefined {
  const entry = c.extendedKeyUsage?.usages.find((u) => u.oid === PURPOSE_OIDS[p]);
  if (!entry) return undefined;
  const others = Object.values(PURPOSE_OIDS).filter((o) => o !== entry.oid);
  return {
    gen: 'eku-oid',
    kind: 'field',
    prompt: `Which OID in its Extended Key Usage lets this certificate ${PURPOSE_WORDS[p]}?`,
    choices: [entry.oid, ...sample(others, 3, random)],
    answer: [entry.oid],
    hint: 'The TLS and other purposes of RFC 5280 all start with 1.3.6.1.5.5.7.3.',
    explanation: `${p} is ${entry.oid}; ${ekuWords(c)}.`,
  };
}

/**
 * The questions one certificate yields: its kind, whether it is self-signed and, for an end-entity
 * certificate, TLS server/client use by RFC 5280 (and by OpenSSL where OpenSSL differs) and the EKU
 * OID that decides its kind. `random` only picks distractors.
 */
export function certificateDrafts(c: CertificateReport, random: Random): DraftItem[] {
  const out = [classify(c, random), selfSigned(c)];
  if (c.role !== 'end entity') return out;
  for (const p of ['serverAuth', 'clientAuth'] as const) {
    out.push(tlsRfc(c, p));
    if (c.openssl[ROW[p]] !== c.purposes[p]) out.push(tlsOpenSsl(c, p));
  }
  const p = KIND_PURPOSE[c.kind];
  const oid = p ? ekuOid(c, p, random) : undefined;
  if (oid) out.push(oid);
  return out;
}
