import { childrenOf, content, readTlv } from '../der.js';
import { decodeAsn1String } from '../strings.js';
import { bad, type Decoded, oidOf, sequence, smallInt } from './util.js';

/** Policy OIDs with a name a learner meets (CA/Browser Forum policies, RFC 5280 anyPolicy). */
export const POLICY_NAMES: Record<string, string> = {
  '2.5.29.32.0': 'anyPolicy',
  '2.23.140.1.1': 'CA/B Extended Validation (EV)',
  '2.23.140.1.2.1': 'CA/B Domain Validated (DV)',
  '2.23.140.1.2.2': 'CA/B Organization Validated (OV)',
  '2.23.140.1.2.3': 'CA/B Individual Validated (IV)',
  '2.23.140.1.3': 'CA/B Extended Validation Code Signing',
  '2.23.140.1.4.1': 'CA/B Code Signing',
  '2.23.140.1.5.1.1': 'CA/B S/MIME Mailbox-validated (legacy)',
  '2.23.140.1.5.1.2': 'CA/B S/MIME Mailbox-validated (multipurpose)',
  '2.23.140.1.5.1.3': 'CA/B S/MIME Mailbox-validated (strict)',
  '2.23.140.1.5.2.1': 'CA/B S/MIME Organization-validated (legacy)',
  '2.23.140.1.5.2.2': 'CA/B S/MIME Organization-validated (multipurpose)',
  '2.23.140.1.5.2.3': 'CA/B S/MIME Organization-validated (strict)',
  '2.23.140.1.5.3.1': 'CA/B S/MIME Sponsor-validated (legacy)',
  '2.23.140.1.5.3.2': 'CA/B S/MIME Sponsor-validated (multipurpose)',
  '2.23.140.1.5.3.3': 'CA/B S/MIME Sponsor-validated (strict)',
  '2.23.140.1.5.4.1': 'CA/B S/MIME Individual-validated (legacy)',
  '2.23.140.1.5.4.2': 'CA/B S/MIME Individual-validated (multipurpose)',
  '2.23.140.1.5.4.3': 'CA/B S/MIME Individual-validated (strict)',
};

const CPS = '1.3.6.1.5.5.7.2.1';
const USER_NOTICE = '1.3.6.1.5.5.7.2.2';

export interface PolicyInfo {
  oid: string;
  name?: string;
  cps: string[];
  userNotice: string[];
}

/** PolicyInformation list (certificatePolicies, and Microsoft's application policies). */
export function policyList(value: Uint8Array, label: (oid: string) => string | undefined): PolicyInfo[] {
  return sequence(value, 'policies').map((pi) => {
    const [oidT, quals] = childrenOf(value, pi);
    const oid = oidOf(value, oidT, 'policyIdentifier');
    const out: PolicyInfo = { oid, cps: [], userNotice: [] };
    const name = label(oid);
    if (name) out.name = name;
    for (const q of quals ? childrenOf(value, quals) : []) {
      const [qOid, qv] = childrenOf(value, q);
      const id = oidOf(value, qOid, 'policyQualifierId');
      if (id === CPS && qv) out.cps.push(decodeAsn1String(qv.tag, content(value, qv)));
      else if (id === USER_NOTICE && qv) {
        for (const part of childrenOf(value, qv)) {
          if (part.cls === 0 && part.tag !== 16)
            out.userNotice.push(decodeAsn1String(part.tag, content(value, part)));
        }
      }
    }
    return out;
  });
}

const policyLines = (ps: PolicyInfo[]) =>
  ps.flatMap((p) => [
    `Policy: ${p.name ? `${p.name} (${p.oid})` : p.oid}`,
    ...p.cps.map((u) => `  CPS: ${u}`),
    ...p.userNotice.map((t) => `  User Notice: ${t}`),
  ]);

/** certificatePolicies (RFC 5280 §4.2.1.4). */
export function decodeCertificatePolicies(value: Uint8Array): Decoded {
  const policies = policyList(value, (o) => POLICY_NAMES[o]);
  return { lines: policyLines(policies), data: { policies } };
}

/** policyConstraints (RFC 5280 §4.2.1.11). */
export function decodePolicyConstraints(value: Uint8Array): Decoded {
  const data: { requireExplicitPolicy?: number; inhibitPolicyMapping?: number } = {};
  for (const p of sequence(value, 'policyConstraints')) {
    // [0] and [1] are IMPLICIT INTEGERs: a constructed (explicitly tagged) one does not decode.
    if (p.cls !== 2 || p.constructed || p.tag > 1) bad('policyConstraints has unexpected fields');
    const n = smallInt(value, { ...p, cls: 0, tag: 2 }, 'skipCerts');
    if (p.tag === 0) data.requireExplicitPolicy = n;
    else if (p.tag === 1) data.inhibitPolicyMapping = n;
  }
  const lines = [
    ...(data.requireExplicitPolicy !== undefined
      ? [`Require Explicit Policy: ${data.requireExplicitPolicy}`]
      : []),
    ...(data.inhibitPolicyMapping !== undefined
      ? [`Inhibit Policy Mapping: ${data.inhibitPolicyMapping}`]
      : []),
  ];
  return { lines, data };
}

/** inhibitAnyPolicy (RFC 5280 §4.2.1.14): an INTEGER, the certificates after which anyPolicy stops counting. */
export function decodeInhibitAnyPolicy(value: Uint8Array): Decoded {
  const skipCerts = smallInt(value, readTlv(value, 0), 'inhibitAnyPolicy');
  return { lines: [`${skipCerts}`], data: { skipCerts } };
}

/** policyMappings (RFC 5280 §4.2.1.5). */
export function decodePolicyMappings(value: Uint8Array): Decoded {
  const mappings = sequence(value, 'policyMappings').map((m) => {
    const [a, b] = childrenOf(value, m);
    return {
      issuerDomainPolicy: oidOf(value, a, 'issuerDomainPolicy'),
      subjectDomainPolicy: oidOf(value, b, 'subjectDomainPolicy'),
    };
  });
  return {
    lines: mappings.map((m) => `${m.issuerDomainPolicy} -> ${m.subjectDomainPolicy}`),
    data: { mappings },
  };
}
