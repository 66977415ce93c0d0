import { OPENSSL_ROWS, type OpenSslRow } from './types.js';

/**
 * OpenSSL 3.0.x's `openssl x509 -noout -purpose`, recomputed from the certificate
 * (crypto/x509/v3_purp.c of 3.0; docs/pki-rules.md §2.2-2.7). Nothing here runs openssl.
 */

/** What OpenSSL derives from a certificate before answering a purpose question. */
export interface OpenSslInput {
  /** EXFLAG_INVALID: the extension cache failed; every row becomes "Yes (WARNING code=-1)". */
  invalid: boolean;
  /** EXFLAG_V1: the version field is v1. */
  v1: boolean;
  /** EXFLAG_SS: self-issued, AKID (if any) matches itself, signature algorithm matches the key. */
  selfSignedHeuristic: boolean;
  basicConstraints: { cA: boolean } | null;
  /** ex_kusage (KU_DIGITAL_SIGNATURE 0x80 ... KU_DECIPHER_ONLY 0x8000), null when KU is absent. */
  keyUsage: number | null;
  /** The EKU OIDs, null when EKU is absent. */
  eku: string[] | null;
  ekuCritical: boolean;
  /** First byte of Netscape cert type (2.16.840.1.113730.1.1), null when absent. */
  nsCertType: number | null;
}

const KU = { DS: 0x80, NR: 0x40, KE: 0x20, KA: 0x08, CERT_SIGN: 0x04, CRL_SIGN: 0x02 };
const XKU = {
  SSL_SERVER: 0x1,
  SSL_CLIENT: 0x2,
  SMIME: 0x4,
  CODE_SIGN: 0x8,
  SGC: 0x10,
  OCSP_SIGN: 0x20,
  TIMESTAMP: 0x40,
  DVCS: 0x80,
  ANYEKU: 0x100,
};
const NS = { SSL_CLIENT: 0x80, SSL_SERVER: 0x40, SMIME: 0x20, SSL_CA: 0x04, SMIME_CA: 0x02, ANY_CA: 0x07 };

/** EKU OIDs OpenSSL recognises (unknown OIDs are ignored); MS and Netscape SGC both count as SGC. */
const XKU_BY_OID: Record<string, number> = {
  '1.3.6.1.5.5.7.3.1': XKU.SSL_SERVER,
  '1.3.6.1.5.5.7.3.2': XKU.SSL_CLIENT,
  '1.3.6.1.5.5.7.3.4': XKU.SMIME,
  '1.3.6.1.5.5.7.3.3': XKU.CODE_SIGN,
  '1.3.6.1.4.1.311.10.3.3': XKU.SGC,
  '2.16.840.1.113730.4.1': XKU.SGC,
  '1.3.6.1.5.5.7.3.9': XKU.OCSP_SIGN,
  '1.3.6.1.5.5.7.3.8': XKU.TIMESTAMP,
  '1.3.6.1.5.5.7.3.10': XKU.DVCS,
  '2.5.29.37.0': XKU.ANYEKU,
};

/** OpenSSL's ex_xkusage bit set for a list of EKU OIDs. */
export function xkuMask(oids: string[]): number {
  return oids.reduce((m, o) => m | (XKU_BY_OID[o] ?? 0), 0);
}

/**
 * X509_check_ca (v3_purp.c check_ca): 1 cA TRUE, 3 a self-signed v1 certificate, 4 keyUsage without
 * basicConstraints, 5 a Netscape CA type; 0 not a CA (keyUsage without keyCertSign, cA FALSE,
 * or extensions OpenSSL cannot cache).
 */
export function x509CheckCa(x: OpenSslInput): number {
  if (x.invalid) return 0;
  if (x.keyUsage !== null && (x.keyUsage & KU.CERT_SIGN) === 0) return 0;
  if (x.basicConstraints) return x.basicConstraints.cA ? 1 : 0;
  if (x.v1 && x.selfSignedHeuristic) return 3;
  if (x.keyUsage !== null) return 4;
  if (x.nsCertType !== null && (x.nsCertType & NS.ANY_CA) !== 0) return 5;
  return 0;
}

/** Computes the 18 rows; values are X509_check_purpose results (1, 0, or a warning code). */
export function opensslPurposeCodes(x: OpenSslInput): Record<OpenSslRow, number> {
  const rows = {} as Record<OpenSslRow, number>;
  if (x.invalid) {
    for (const r of OPENSSL_ROWS) rows[r] = -1;
    return rows;
  }
  const xku = x.eku ? xkuMask(x.eku) : 0;
  const kuReject = (u: number) => x.keyUsage !== null && (x.keyUsage & u) === 0;
  const xkuReject = (u: number) => x.eku !== null && (xku & u) === 0;
  const nsReject = (u: number) => x.nsCertType !== null && (x.nsCertType & u) === 0;
  const ns = x.nsCertType ?? 0;

  const checkCa = (): number => x509CheckCa(x);
  // check_ssl_ca() in 3.0 collapses the CA codes to 1 (so SSL CA rows never show a warning).
  const checkSslCa = (): number => {
    const c = checkCa();
    if (c === 0) return 0;
    return c !== 5 || (ns & NS.SSL_CA) !== 0 ? 1 : 0;
  };
  const sslClient = (ca: boolean): number => {
    if (xkuReject(XKU.SSL_CLIENT)) return 0;
    if (ca) return checkSslCa();
    if (kuReject(KU.DS | KU.KA)) return 0;
    if (nsReject(NS.SSL_CLIENT)) return 0;
    return 1;
  };
  const sslServer = (ca: boolean): number => {
    if (xkuReject(XKU.SSL_SERVER | XKU.SGC)) return 0;
    if (ca) return checkSslCa();
    if (nsReject(NS.SSL_SERVER)) return 0;
    if (kuReject(KU.DS | KU.KE | KU.KA)) return 0;
    return 1;
  };
  const nsSslServer = (ca: boolean): number => {
    const r = sslServer(ca);
    if (!r || ca) return r;
    return kuReject(KU.KE) ? 0 : r;
  };
  const smime = (ca: boolean): number => {
    if (xkuReject(XKU.SMIME)) return 0;
    if (ca) {
      const c = checkCa();
      if (!c) return 0;
      return c !== 5 || ns & NS.SMIME_CA ? c : 0;
    }
    if (x.nsCertType !== null) {
      if (ns & NS.SMIME) return 1;
      if (ns & NS.SSL_CLIENT) return 2; // "workaround for some buggy certificates"
      return 0;
    }
    return 1;
  };
  const smimeSign = (ca: boolean): number => {
    const r = smime(ca);
    if (!r || ca) return r;
    return kuReject(KU.DS | KU.NR) ? 0 : r;
  };
  const smimeEncrypt = (ca: boolean): number => {
    const r = smime(ca);
    if (!r || ca) return r;
    return kuReject(KU.KE) ? 0 : r;
  };
  const crlSign = (ca: boolean): number => {
    if (ca) {
      const c = checkCa();
      return c !== 2 ? c : 0;
    }
    return kuReject(KU.CRL_SIGN) ? 0 : 1;
  };
  const timeStamp = (ca: boolean): number => {
    if (ca) return checkCa();
    if (x.keyUsage !== null && (x.keyUsage & ~(KU.NR | KU.DS) || !(x.keyUsage & (KU.NR | KU.DS)))) return 0;
    if (x.eku === null || xku !== XKU.TIMESTAMP) return 0;
    return x.ekuCritical ? 1 : 0;
  };

  const pairs: [OpenSslRow, OpenSslRow, (ca: boolean) => number][] = [
    ['SSL client', 'SSL client CA', sslClient],
    ['SSL server', 'SSL server CA', sslServer],
    ['Netscape SSL server', 'Netscape SSL server CA', nsSslServer],
    ['S/MIME signing', 'S/MIME signing CA', smimeSign],
    ['S/MIME encryption', 'S/MIME encryption CA', smimeEncrypt],
    ['CRL signing', 'CRL signing CA', crlSign],
    ['Any Purpose', 'Any Purpose CA', () => 1],
    ['OCSP helper', 'OCSP helper CA', (ca) => (ca ? checkCa() : 1)],
    ['Time Stamp signing', 'Time Stamp signing CA', timeStamp],
  ];
  for (const [leaf, caRow, fn] of pairs) {
    rows[leaf] = fn(false);
    rows[caRow] = fn(true);
  }
  return rows;
}

/** apps/x509.c purpose_print(): 1 → "Yes", 0 → "No", anything else → "Yes (WARNING code=N)". */
export function opensslText(code: number): string {
  if (code === 1) return 'Yes';
  if (code === 0) return 'No';
  return `Yes (WARNING code=${code})`;
}

/** Both forms of the rows: booleans (a warning counts as Yes) and OpenSSL's exact text. */
export function opensslPurposes(x: OpenSslInput): {
  openssl: Record<OpenSslRow, boolean>;
  opensslText: Record<OpenSslRow, string>;
} {
  const codes = opensslPurposeCodes(x);
  const openssl = {} as Record<OpenSslRow, boolean>;
  const text = {} as Record<OpenSslRow, string>;
  for (const r of OPENSSL_ROWS) {
    openssl[r] = codes[r] !== 0;
    text[r] = opensslText(codes[r]);
  }
  return { openssl, opensslText: text };
}
