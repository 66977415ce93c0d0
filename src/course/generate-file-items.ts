import type { CertificateReport, ChainReport, FileReport, PrivateKeyReport } from '../pki/types.js';
import type { DraftItem } from './generate-cert-items.js';
import { type Random, sample } from './generate-random.js';
import { certName, YES_NO, yesNo } from './generate-text.js';

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

function keyWords(k: PrivateKeyReport): string {
  const shape = k.curve ? `${k.algorithm} ${k.curve}` : k.size ? `${k.algorithm} ${k.size}-bit` : k.algorithm;
  return `${k.encrypted ? 'an encrypted' : 'a'} ${shape} private key (${k.format})`;
}

/** "Does this file carry a private key?", answered from the engine's report of the file. */
export function privateKeyDraft(file: FileReport, name: string): DraftItem {
  const n = file.certificates.length;
  let explanation: string;
  if (file.hasPrivateKey) {
    const k = file.privateKeys[0];
    explanation = `Yes: it is a ${file.format} file holding ${k ? keyWords(k) : 'a private key'}${n ? ` and ${plural(n, 'certificate')}` : ''}.`;
  } else if (file.format === 'CSR') {
    explanation =
      'No: a certificate signing request carries the public key and the requested name, signed with the private key, but never the private key itself.';
  } else {
    explanation = `No: it is a ${file.format} file with ${plural(n, 'certificate')} and no private key; a certificate carries only the public key.`;
  }
  return {
    gen: 'private-key',
    kind: 'has-private-key',
    prompt: `Does the file ${name} carry a private key?`,
    choices: YES_NO,
    answer: [yesNo(file.hasPrivateKey)],
    hint: 'A certificate holds only a public key. Look at the file type: PEM labels, or a PKCS#12 key bag.',
    explanation,
  };
}

const KEYSPEC_CHOICES = ['AT_KEYEXCHANGE', 'AT_SIGNATURE', 'not recorded'];
const KEYSPEC_WHY: Record<string, string> = {
  AT_KEYEXCHANGE:
    'Its PKCS#8 key carries the attribute 2.5.29.15 with the value 0x10 (openssl pkcs12 -keyex): KeySpec AT_KEYEXCHANGE (1), a key that may decrypt as well as sign.',
  AT_SIGNATURE:
    'Its PKCS#8 key carries the attribute 2.5.29.15 with the value 0x80 (openssl pkcs12 -keysig): KeySpec AT_SIGNATURE (2), a key that may only sign.',
  'not recorded':
    'Its key carries no 2.5.29.15 attribute: the file records no KeySpec, and Windows decides on import (a CNG key has KeySpec 0).',
};

/** "Which KeySpec does this PFX record?", when the engine read the key's attributes. */
export function keySpecDraft(file: FileReport, name: string): DraftItem | undefined {
  const spec = file.privateKeys.find((k) => k.keySpec !== undefined)?.keySpec;
  if (!spec) return undefined;
  return {
    gen: 'keyspec',
    kind: 'keyspec',
    prompt: `Which KeySpec does the private key in ${name} record?`,
    choices: KEYSPEC_CHOICES,
    answer: [spec],
    hint: 'KeySpec is not in the certificate: look for the key attribute 2.5.29.15 (0x10 or 0x80) beside the key.',
    explanation: KEYSPEC_WHY[spec] ?? `The file records ${spec}.`,
  };
}

const NOTHING = 'Nothing: every link is in place up to a self-signed root';
const missingText = (name: string) => `The issuer of ${name} is missing`;
const brokenText = (name: string) => `${name} is broken as an issuer`;

/** Why a certificate cannot vouch for the one below it, from the engine's report; undefined if it can. */
function issuerProblem(c: CertificateReport): string | undefined {
  if (c.role === 'end entity')
    return `${certName(c)} is not a CA certificate (basicConstraints cA is not TRUE)`;
  if (c.findings.some((f) => f.code === 'ca-without-keycertsign'))
    return `${certName(c)} is a CA certificate whose Key Usage lacks keyCertSign`;
  if (c.validity.status !== 'valid') return `${certName(c)} is ${c.validity.status} at ${c.validity.at}`;
  return undefined;
}

/** Leaf-first order by issuer name = next subject, when the engine gave no chain from certificate 0. */
function followNames(all: CertificateReport[]): number[] {
  const order = [0];
  for (;;) {
    const cur = all[order[order.length - 1]!]!;
    if (cur.selfSigned) return order;
    const next = all.findIndex((c, i) => !order.includes(i) && c.subject.text === cur.issuer.text);
    if (next < 0) return order;
    order.push(next);
  }
}

/**
 * "Which certificate in this chain is missing or broken?" for a file with two or more
 * certificates, following the engine's chain (file.chains, leaf first) that starts at the file's
 * first certificate.
 */
export function chainDraft(file: FileReport, name: string, random: Random): DraftItem | undefined {
  const all = file.certificates;
  if (all.length < 2) return undefined;
  const order = file.chains.find((c) => c[0] === 0) ?? followNames(all);
  const certs = order.map((i) => all[i]).filter((c) => c !== undefined);
  if (certs.length !== order.length) return undefined;
  const top = certs[certs.length - 1]!;
  const broken = certs.slice(1).find((c) => issuerProblem(c) !== undefined);
  let answer: string;
  let explanation: string;
  if (!top.selfSigned) {
    answer = missingText(certName(top));
    explanation = `${certName(top)} was issued by ${top.issuer.text}, which is not in the file: the chain cannot reach a root without it.`;
  } else if (broken) {
    answer = brokenText(certName(broken));
    explanation = `${issuerProblem(broken)}, so it cannot vouch for the certificate below it.`;
  } else {
    answer = NOTHING;
    explanation = `Each certificate is signed by the next one: ${certs.map(certName).join(' ← ')}, which is self-signed.`;
  }
  const names = all.map(certName);
  const candidates = [NOTHING, ...names.map(missingText), ...names.slice(1).map(brokenText)].filter(
    (c, i, list) => c !== answer && list.indexOf(c) === i,
  );
  return {
    gen: 'chain',
    kind: 'choice',
    prompt: `The file ${name} holds ${plural(all.length, 'certificate')}, meant as one chain. Which certificate is missing or broken?`,
    choices: [answer, ...sample(candidates, 3, random)],
    answer: [answer],
    hint: "Follow each certificate's issuer to the subject of the next one, up to a self-signed root.",
    explanation,
  };
}

/**
 * "Which certificate in this chain is broken or missing?" for a lone certificate whose chain, built
 * by the engine across the course's fixture files, has a bad link or stops short of a root.
 * Sound chains are not asked about: they would be most of the questions and all alike.
 */
export function crossChainDraft(
  chain: ChainReport,
  certs: CertificateReport[],
  name: string,
  random: Random,
): DraftItem | undefined {
  const inChain = chain.order.map((i) => certs[i]).filter((c) => c !== undefined);
  const leaf = inChain[0];
  if (!leaf || inChain.length !== chain.order.length) return undefined;
  // Only faults of the issuer: an expired leaf is a question about dates, asked elsewhere.
  const bad = chain.links.find(
    (l) =>
      l.parent !== null &&
      l.parent !== l.child &&
      (!l.issuerNameMatches ||
        !l.signatureValid ||
        !l.issuerIsCA ||
        !l.issuerHasKeyCertSign ||
        certs[l.parent]?.validity.status !== 'valid'),
  );
  let answer: string;
  let explanation: string;
  if (chain.missing.length > 0 || !chain.complete) {
    const top = inChain[inChain.length - 1]!;
    answer = missingText(certName(top));
    explanation = chain.missing.join('; ') || `The issuer of ${certName(top)} is in none of the files.`;
  } else if (bad) {
    answer = brokenText(certName(certs[bad.parent!]!));
    const child = certs[bad.child]!.subject.text;
    explanation = `${bad.problems.filter((p) => !p.startsWith(`${child} is outside`)).join('; ')}.`;
  } else return undefined;
  const names = inChain.map(certName);
  const candidates = [NOTHING, ...names.map(missingText), ...names.slice(1).map(brokenText)].filter(
    (c, i, list) => c !== answer && list.indexOf(c) === i,
  );
  return {
    gen: 'chain',
    kind: 'choice',
    prompt: `Built from the course's certificate files, the chain of ${name} is ${names.join(' ← ')}. Which certificate is missing or broken?`,
    choices: [answer, ...sample(candidates, 3, random)],
    answer: [answer],
    hint: 'An issuer must be a CA: basicConstraints cA TRUE and, when Key Usage is present, keyCertSign.',
    explanation,
  };
}
