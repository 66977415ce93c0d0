import { hasControls } from '../escape.js';
import { ANY_EKU, PURPOSE_OIDS } from './eku-names.js';
import type { DecodedExtensions } from './extensions.js';
import { EXTENSIONS } from './oids.js';
import type { Finding, PurposeId, Role, SubjectAltNameEntry } from './types.js';

/** What the findings are computed from. */
export interface FindingInput {
  version: number;
  role: Role;
  selfSigned: boolean;
  ext: DecodedExtensions;
  validity: 'valid' | 'expired' | 'not yet valid';
  notBefore: string;
  notAfter: string;
  commonName?: string;
  subjectAltName: SubjectAltNameEntry[];
  unknownCritical: string[];
  purposes: Record<PurposeId, boolean>;
  /** The subject and issuer as displayed, checked for control characters. */
  subjectText?: string;
  issuerText?: string;
}

const HOSTNAME = /^(\*\.)?([a-z0-9-]+\.)+[a-z0-9-]+$/i;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** localhost, an IP address, or dot-separated labels (optionally starting with "*.") (fixtures/README.md). */
function looksLikeHostname(cn: string): boolean {
  return (
    cn.toLowerCase() === 'localhost' ||
    IPV4.test(cn) ||
    (cn.includes(':') && /^[0-9a-f:]+$/i.test(cn)) ||
    HOSTNAME.test(cn)
  );
}

/** The findings about one certificate, each with a stable code and a sentence naming field and rule. */
export function findingsFor(x: FindingInput): Finding[] {
  const out: Finding[] = [];
  const add = (code: Finding['code'], severity: Finding['severity'], message: string) =>
    out.push({ code, severity, message });
  const { ext } = x;
  const ku = ext.keyUsage;
  const eku = ext.eku;
  const bc = ext.basicConstraints;

  const tainted = [
    ...(x.subjectText !== undefined && hasControls(x.subjectText) ? ['the subject'] : []),
    ...(x.issuerText !== undefined && hasControls(x.issuerText) ? ['the issuer'] : []),
    ...x.subjectAltName
      .filter((e) => hasControls(e.value))
      .map((e) => `subjectAltName ${e.type.toUpperCase()} entry`),
  ];
  if (tainted.length > 0) {
    add(
      'control-characters',
      'warning',
      `${tainted.join(', ')} holds control or bidirectional characters (shown escaped, e.g. \\x1b): a terminal would run them and the name would read as something the certificate does not say; no host name or person's name holds them.`,
    );
  }
  if (x.unknownCritical.length > 0) {
    add(
      'unknown-critical-extension',
      'error',
      `Critical extension ${x.unknownCritical.map((o) => (EXTENSIONS[o] ? `${EXTENSIONS[o].name} (${o})` : o)).join(', ')} is not one that path validation processes (OpenSSL 3.0 verify: error 34, "unhandled critical extension"): RFC 5280 §4.2 says to reject a certificate with a critical extension it does not recognise or cannot process.`,
    );
  }
  if (x.validity === 'expired')
    add('expired', 'error', `notAfter ${x.notAfter} has passed: RFC 5280 §4.1.2.5.`);
  if (x.validity === 'not yet valid') {
    add('not-yet-valid', 'error', `notBefore ${x.notBefore} is still in the future: RFC 5280 §4.1.2.5.`);
  }
  if (x.version === 1) {
    add(
      'v1-certificate',
      'warning',
      'X.509 version 1: no extensions, so no basicConstraints, keyUsage or EKU (RFC 5280 §4.1.2.1).',
    );
  }
  if (ku && ku.mask === 0) {
    add(
      'empty-key-usage',
      'error',
      'keyUsage is present with no bit set: RFC 5280 §4.2.1.3 requires at least one (OpenSSL marks the certificate invalid).',
    );
  }
  const otherInvalid = ext.invalid.filter((r) => !r.startsWith('keyUsage is present with no bit'));
  if (otherInvalid.length > 0) {
    add(
      'invalid-extensions',
      'error',
      `${otherInvalid.join('; ')}: RFC 5280 §4.2 (OpenSSL prints "Yes (WARNING code=-1)" on every purpose).`,
    );
  }
  if (ku?.bits.includes('keyCertSign') && !bc?.cA) {
    add(
      'keycertsign-without-ca',
      'error',
      `keyUsage asserts keyCertSign but basicConstraints ${bc ? 'has cA FALSE' : 'is absent'}: RFC 5280 §4.2.1.3 says cA MUST then be TRUE.`,
    );
  }
  if (bc?.cA && ku && !ku.bits.includes('keyCertSign')) {
    add(
      'ca-without-keycertsign',
      'warning',
      'basicConstraints cA is TRUE but keyUsage lacks keyCertSign, so the key may not verify certificate signatures: RFC 5280 §4.2.1.3, §6.1.4(n).',
    );
  }
  if (x.role !== 'end entity' && eku) {
    add(
      'ca-with-eku',
      'info',
      'A CA certificate carries an EKU: RFC 5280 path validation ignores it (§6.1), but OpenSSL and Windows narrow every certificate below it to those purposes.',
    );
  }
  if (eku?.critical)
    add(
      'eku-critical',
      'info',
      'The EKU extension is marked critical: allowed by RFC 5280 §4.2.1.12 (and required for time stamping by RFC 3161 §2.3).',
    );
  if (eku && eku.oids.length === 1 && eku.oids[0] === ANY_EKU) {
    add(
      'any-eku-only',
      'warning',
      'EKU lists only anyExtendedKeyUsage (2.5.29.37.0): RFC 5280 §4.2.1.12 lets applications reject it, and OpenSSL refuses it for TLS and S/MIME.',
    );
  }
  if (x.role === 'end entity' && ku && eku && !Object.values(x.purposes).some(Boolean)) {
    const listed = eku.oids
      .map((o) => Object.entries(PURPOSE_OIDS).find(([, v]) => v === o)?.[0] ?? o)
      .join(', ');
    add(
      'ku-eku-disjoint',
      'error',
      `keyUsage (${ku.bits.join(', ') || 'no bit'}) and EKU (${listed || 'empty'}) agree on no purpose: RFC 5280 §4.2.1.12 says the certificate MUST NOT be used for any purpose.`,
    );
  }
  const hasHostSan = x.subjectAltName.some((s) => s.type === 'dns' || s.type === 'ip');
  // End entities only: a CA's CN names the CA (e.g. the Izenpe.com root), not a host to connect to.
  if (x.role === 'end entity' && x.commonName && looksLikeHostname(x.commonName) && !hasHostSan) {
    add(
      'hostname-only-in-cn',
      'warning',
      `The hostname ${x.commonName} is only in the subject CN, with no DNS subjectAltName: HTTPS clients MUST NOT use the CN (RFC 9110 §4.3.4), so browsers reject it.`,
    );
  }
  if (x.role === 'end entity' && x.selfSigned) {
    add(
      'self-signed-end-entity',
      'warning',
      'A self-signed end-entity certificate: trusted only where it is pinned or installed as trusted (RFC 5280 §3.2, §6.1.1(d)).',
    );
  }
  return out;
}
