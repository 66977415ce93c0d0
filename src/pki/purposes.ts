import { ANY_EKU, ekuLabel, PURPOSE_OIDS } from './eku-names.js';
import type { KeyUsageBit, PurposeId } from './types.js';
import { PURPOSE_IDS } from './types.js';

/**
 * The Key Usage bits RFC 5280 §4.2.1.12 calls consistent with each purpose (docs/pki-rules.md §1.1):
 * at least one must be set when a keyUsage extension is present.
 */
export const CONSISTENT_KU: Record<PurposeId, KeyUsageBit[]> = {
  serverAuth: ['digitalSignature', 'keyEncipherment', 'keyAgreement'],
  clientAuth: ['digitalSignature', 'keyAgreement'],
  codeSigning: ['digitalSignature'],
  emailProtection: ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'keyAgreement'],
  timeStamping: ['digitalSignature', 'nonRepudiation'],
  OCSPSigning: ['digitalSignature', 'nonRepudiation'],
};

/** What the RFC reading needs from a certificate. */
export interface PurposeInput {
  keyUsage: { bits: KeyUsageBit[] } | null;
  eku: { critical: boolean; oids: string[] } | null;
}

const label = (p: PurposeId) => `${p} (${PURPOSE_OIDS[p]})`;

function ekuList(oids: string[]): string {
  const byOid = Object.fromEntries(Object.entries(PURPOSE_OIDS).map(([k, v]) => [v, k]));
  return oids
    .map((o) =>
      byOid[o] ? `${byOid[o]} (${o})` : o === ANY_EKU ? `anyExtendedKeyUsage (${o})` : ekuLabel(o),
    )
    .join(', ');
}

function ekuVerdict(p: PurposeId, eku: PurposeInput['eku']): string | null {
  if (!eku) return null;
  const oid = PURPOSE_OIDS[p];
  if (eku.oids.includes(oid) || eku.oids.includes(ANY_EKU)) return null;
  if (eku.oids.length === 0) return 'its EKU is empty, so it allows no purpose: RFC 5280 §4.2.1.12';
  return `its EKU lists only ${ekuList(eku.oids)}, not ${label(p)}: RFC 5280 §4.2.1.12`;
}

/**
 * RFC 5280 reading of the six purposes: EKU (absent = no restriction; anyExtendedKeyUsage
 * allows all) and, when keyUsage is present, a bit consistent with the purpose (§4.2.1.12).
 * Each reason names the field and the rule. Dates, role, EKU criticality and unknown critical
 * extensions do not change a purpose; they are findings (fixtures/README.md rules). RFC 3161
 * (time stamping wants a critical EKU) is reported by OpenSSL's "Time Stamp signing" row.
 */
export function rfcPurposes(x: PurposeInput): {
  purposes: Record<PurposeId, boolean>;
  purposeReasons: Record<PurposeId, string>;
} {
  const purposes = {} as Record<PurposeId, boolean>;
  const purposeReasons = {} as Record<PurposeId, string>;
  for (const p of PURPOSE_IDS) {
    let reason = ekuVerdict(p, x.eku);
    if (!reason && x.keyUsage) {
      const ok = CONSISTENT_KU[p].some((b) => x.keyUsage!.bits.includes(b));
      if (!ok) {
        const has = x.keyUsage.bits.length ? x.keyUsage.bits.join(', ') : 'no bit';
        reason = `its keyUsage has ${has} but ${p} needs ${CONSISTENT_KU[p].join(' or ')}: RFC 5280 §4.2.1.12`;
      }
    }
    purposes[p] = reason === null;
    if (reason) purposeReasons[p] = `No: ${reason}`;
    else {
      const ekuPart = !x.eku
        ? 'no EKU extension, so no EKU restriction'
        : x.eku.oids.includes(PURPOSE_OIDS[p])
          ? `its EKU lists ${label(p)}`
          : 'its EKU lists anyExtendedKeyUsage';
      const kuPart = x.keyUsage
        ? `keyUsage has ${CONSISTENT_KU[p].filter((b) => x.keyUsage!.bits.includes(b)).join(', ')}`
        : 'no keyUsage extension';
      purposeReasons[p] = `Yes: ${ekuPart}; ${kuPart} (RFC 5280 §4.2.1.12)`;
    }
  }
  return { purposes, purposeReasons };
}
