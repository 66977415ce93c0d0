import { CERT_KINDS, type CertKind, type FileReport, OPENSSL_ROWS, PURPOSE_IDS } from '../pki/types.js';

/** The properties of the file itself (not of one certificate) that `answerFrom` may name. */
const FILE_PROPERTIES = ['hasPrivateKey', 'keySpec'] as const;

/** Certificate properties `answerFrom` may name, with the values a learner picks from. */
const CERT_DOMAINS: Record<string, readonly string[]> = {
  kind: CERT_KINDS,
  role: ['root CA', 'intermediate CA', 'end entity'],
  selfSigned: ['yes', 'no'],
  selfIssued: ['yes', 'no'],
  'validity.status': ['valid', 'expired', 'not yet valid'],
  'publicKey.algorithm': ['RSA', 'EC', 'Ed25519', 'DSA'],
  version: ['1', '2', '3'],
  'basicConstraints.cA': ['yes', 'no'],
  ...Object.fromEntries(PURPOSE_IDS.map((p) => [`purposes.${p}`, ['yes', 'no']])),
  ...Object.fromEntries(OPENSSL_ROWS.map((r) => [`openssl.${r}`, ['yes', 'no']])),
};

const FILE_DOMAINS: Record<(typeof FILE_PROPERTIES)[number], readonly string[]> = {
  hasPrivateKey: ['yes', 'no'],
  keySpec: ['AT_KEYEXCHANGE', 'AT_SIGNATURE', 'not recorded'],
};

/** Every property name `answerFrom` accepts, for error messages and docs. */
export const ANSWER_FROM_PROPERTIES: readonly string[] = [
  ...Object.keys(CERT_DOMAINS).filter((k) => !k.startsWith('purposes.') && !k.startsWith('openssl.')),
  'purposes.<purpose>',
  'openssl.<row>',
  ...FILE_PROPERTIES,
];

/** The values a property can take (the default choices of an item computed from it), or undefined when unknown. */
export function answerDomain(property: string): readonly string[] | undefined {
  return CERT_DOMAINS[property] ?? FILE_DOMAINS[property as keyof typeof FILE_DOMAINS];
}

/**
 * Computes the answer of an `answerFrom` property from the engine's report of a fixture: a
 * certificate property of certificate `index`, or a property of the whole file. Booleans become
 * 'yes' / 'no'. Returns a one-line error (what to do) when it cannot be computed.
 */
export function computeAnswer(
  property: string,
  report: FileReport,
  index: number,
): { value: string } | { error: string } {
  if (!answerDomain(property)) {
    return {
      error: `answerFrom '${property}' is not a property cert-tutor computes; use one of: ${ANSWER_FROM_PROPERTIES.join(', ')}`,
    };
  }
  if (property === 'hasPrivateKey') return { value: report.hasPrivateKey ? 'yes' : 'no' };
  if (property === 'keySpec') {
    const key = report.privateKeys[0];
    if (!key)
      return {
        error: 'keySpec needs a file with a private key, and this fixture has none; pick a .pfx with a key',
      };
    return { value: key.keySpec ?? 'not recorded' };
  }
  const cert = report.certificates[index];
  if (!cert) {
    return {
      error: `the fixture has no certificate #${index} (it holds ${report.certificates.length}); fix the #N of the fixture`,
    };
  }
  // `openssl.SSL server` holds a space: split only at the first dot.
  const dot = property.indexOf('.');
  const head = dot < 0 ? property : property.slice(0, dot);
  const rest = dot < 0 ? undefined : property.slice(dot + 1);
  let v: unknown = (cert as unknown as Record<string, unknown>)[head];
  if (rest !== undefined)
    v = v === null || v === undefined ? undefined : (v as Record<string, unknown>)[rest];
  if (typeof v === 'boolean') return { value: v ? 'yes' : 'no' };
  if (typeof v === 'number' || typeof v === 'string') return { value: String(v) };
  return { error: `this certificate has no ${property}; pick another property or fixture` };
}

/** Which wrong kinds make a fair distractor for each right kind: near misses, not nonsense. */
export const KIND_NEIGHBOURS: Record<CertKind, CertKind[]> = {
  server: ['client', 'server+client', 'unrestricted'],
  client: ['server', 'server+client', 'e-mail'],
  'server+client': ['server', 'client', 'unrestricted'],
  'root CA': ['intermediate CA', 'server', 'unrestricted'],
  'intermediate CA': ['root CA', 'server+client', 'unrestricted'],
  'code signing': ['e-mail', 'time stamping', 'unrestricted'],
  'e-mail': ['client', 'code signing', 'unrestricted'],
  'time stamping': ['code signing', 'OCSP signing', 'unusable'],
  'OCSP signing': ['time stamping', 'server', 'unusable'],
  'other purpose': ['unusable', 'unrestricted', 'client'],
  unrestricted: ['server+client', 'unusable', 'root CA'],
  unusable: ['unrestricted', 'server', 'client'],
};

/**
 * The default choices of an item computed from `property` whose right answer is `answer`: for
 * `kind`, the right kind and three plausible others in CERT_KINDS order (deterministic, so a
 * class sees the same question); otherwise the property's whole domain.
 */
export function defaultChoices(property: string, answer: string): string[] {
  if (property === 'kind') {
    const picked = new Set<string>([answer, ...(KIND_NEIGHBOURS[answer as CertKind] ?? [])]);
    return CERT_KINDS.filter((k) => picked.has(k));
  }
  const domain = answerDomain(property) ?? [];
  return domain.includes(answer) ? [...domain] : [...domain, answer];
}
