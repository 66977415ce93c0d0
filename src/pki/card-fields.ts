/**
 * One ordered list of a certificate's labelled fields. The TUI card, the line-mode card and
 * `inspect` each style this list; none of them words a field itself, so they cannot disagree
 * ("absent" vs "none", "fingerprint" vs "thumbprint", `DNS:x` vs `DNS x`).
 *
 * The names in `field` are the ones a lesson may highlight (lessons/README.md). A value never
 * states one of the engine's conclusions unless `reveal` is set: an absent EKU reads "absent", and
 * only with `reveal` "absent: no restriction by EKU" (RFC 5280 §4.2.1.12), which a quiz may ask.
 */
import type { CertificateReport, EkuEntry, ExtensionInfo } from './types.js';

/** The extensions that have their own field (RFC 5280 §4.2.1), by OID. */
export const OWN_FIELD_EXTENSIONS: Readonly<Record<string, string>> = {
  '2.5.29.17': 'subjectAltName',
  '2.5.29.19': 'basicConstraints',
  '2.5.29.15': 'keyUsage',
  '2.5.29.37': 'extendedKeyUsage',
};

/** One labelled field of a certificate. */
export interface CardField {
  /** The highlightable field name (several rows may share `extensions`). */
  field: string;
  label: string;
  value: string;
  /** An extension's OID, shown beside its label. */
  oid?: string;
  critical?: boolean;
  /** Finer lines under the field (an EKU's OpenSSL and Windows names). */
  details?: string[];
}

/** Options of certificateFields. */
export interface FieldOptions {
  /** Add the engine's reading to values that would otherwise only state the bytes. */
  reveal?: boolean;
}

const extOid = (name: string) =>
  Object.keys(OWN_FIELD_EXTENSIONS).find((o) => OWN_FIELD_EXTENSIONS[o] === name);

/** An EKU entry as "name (OID)", or the OID alone when it has no name. */
export const ekuText = (u: EkuEntry) => (u.name === u.oid ? u.oid : `${u.name} (${u.oid})`);

function keyText(c: CertificateReport): string {
  const k = c.publicKey;
  return `${k.algorithm}${k.size ? ` ${k.size} bits` : ''}${k.curve ? ` (${k.curve})` : ''}`;
}

function otherExtension(e: ExtensionInfo): CardField {
  return {
    field: 'extensions',
    label: e.name,
    ...(e.name === e.oid ? {} : { oid: e.oid }),
    critical: e.critical,
    value: e.lines?.length ? e.lines.map((l) => l.trim()).join('; ') : e.known ? 'present' : 'not recognised',
  };
}

/** The fields of `c`, in the order every front end shows them. */
export function certificateFields(c: CertificateReport, opts: FieldOptions = {}): CardField[] {
  const ext = (field: string, label: string, value: string): CardField => {
    const oid = extOid(field);
    const critical = c.extensions.find((e) => e.oid === oid)?.critical ?? false;
    return { field, label, oid, critical, value };
  };
  const bc = c.basicConstraints;
  const ku = c.keyUsage;
  const eku = c.extendedKeyUsage;
  const ekuDetails = (eku?.usages ?? []).flatMap((u) => {
    const names = [
      u.openSslName && `OpenSSL "${u.openSslName}"`,
      u.windowsTitle && `Windows "${u.windowsTitle}"`,
    ];
    const text = names.filter(Boolean).join(', ');
    return text ? [`${ekuText(u)}: ${text}`] : [];
  });
  return [
    { field: 'subject', label: 'Subject', value: c.subject.text || '(empty)' },
    { field: 'issuer', label: 'Issuer', value: c.issuer.text || '(empty)' },
    { field: 'serialNumber', label: 'Serial number', value: c.serialNumber },
    { field: 'notBefore', label: 'Not before', value: c.notBefore },
    { field: 'notAfter', label: 'Not after', value: c.notAfter },
    { field: 'version', label: 'Version', value: `v${c.version}` },
    { field: 'publicKey', label: 'Public key', value: keyText(c) },
    { field: 'signatureAlgorithm', label: 'Signature algorithm', value: c.signatureAlgorithm },
    ext(
      'subjectAltName',
      'Subject Alternative Name',
      c.subjectAltName.map((s) => `${s.type.toUpperCase()}:${s.value}`).join(', ') || 'absent',
    ),
    ext(
      'basicConstraints',
      'Basic Constraints',
      bc
        ? `cA ${bc.cA ? 'TRUE' : 'FALSE'}${bc.pathLenConstraint !== undefined ? `, pathLenConstraint ${bc.pathLenConstraint}` : ''}`
        : 'absent',
    ),
    ext('keyUsage', 'Key Usage', ku ? ku.bits.join(', ') || '(no bit set)' : 'absent'),
    {
      ...ext(
        'extendedKeyUsage',
        'Extended Key Usage',
        eku
          ? eku.usages.map(ekuText).join(', ') || '(empty)'
          : opts.reveal
            ? 'absent: no restriction by EKU'
            : 'absent',
      ),
      ...(ekuDetails.length ? { details: ekuDetails } : {}),
    },
    ...c.extensions.filter((e) => !OWN_FIELD_EXTENSIONS[e.oid]).map(otherExtension),
    { field: 'sha1', label: 'SHA-1 fingerprint', value: c.sha1 },
    { field: 'sha256', label: 'SHA-256 fingerprint', value: c.sha256 },
  ];
}

/** A field's label with its OID and criticality: "Key Usage (2.5.29.15, critical)". */
export function fieldLabel(f: CardField): string {
  const extra = [f.oid, f.critical ? 'critical' : undefined].filter(Boolean);
  return extra.length ? `${f.label} (${extra.join(', ')})` : f.label;
}

/** "Label (OID): value", the words every front end prints for a field. */
export const fieldText = (f: CardField) => `${fieldLabel(f)}: ${f.value}`;
