import { opensslPurposeCodes } from '../openssl.js';
import { rfcPurposes } from '../purposes.js';
import type { OpenSslRow } from '../types.js';
import type { VCert } from './cert.js';
import type { VerifyPurpose } from './types.js';

/** `-purpose` names and the `openssl x509 -purpose` rows X509_check_purpose answers for them. */
const ROWS: Record<Exclude<VerifyPurpose, 'codesign'>, [OpenSslRow, OpenSslRow]> = {
  sslclient: ['SSL client', 'SSL client CA'],
  sslserver: ['SSL server', 'SSL server CA'],
  nssslserver: ['Netscape SSL server', 'Netscape SSL server CA'],
  smimesign: ['S/MIME signing', 'S/MIME signing CA'],
  smimeencrypt: ['S/MIME encryption', 'S/MIME encryption CA'],
  crlsign: ['CRL signing', 'CRL signing CA'],
  any: ['Any Purpose', 'Any Purpose CA'],
  ocsphelper: ['OCSP helper', 'OCSP helper CA'],
  timestampsign: ['Time Stamp signing', 'Time Stamp signing CA'],
};

/** The names `--purpose` accepts: OpenSSL's, and the short ones a learner would type. */
export const PURPOSE_ALIASES: Record<string, VerifyPurpose> = {
  ...Object.fromEntries(Object.keys(ROWS).map((k) => [k, k as VerifyPurpose])),
  server: 'sslserver',
  client: 'sslclient',
  smime: 'smimesign',
  codesign: 'codesign',
  timestamp: 'timestampsign',
  ocsp: 'ocsphelper',
};

const CODE_SIGNING = '1.3.6.1.5.5.7.3.3';
const ANY_EKU = '2.5.29.37.0';

/**
 * check_purpose: X509_check_purpose for the leaf row, or the CA row above it; any answer but 0
 * passes without -x509_strict. OpenSSL 3.0 has no code signing purpose: for it the RFC 5280
 * §4.2.1.12 reading is used (the leaf's EKU and keyUsage; a CA's EKU, when present, must allow it).
 */
export function purposeOk(c: VCert, purpose: VerifyPurpose, asCa: boolean): { ok: boolean; row: string } {
  if (purpose === 'codesign') {
    if (!asCa) {
      const r = rfcPurposes({ keyUsage: c.ext.keyUsage, eku: c.ext.eku });
      return { ok: r.purposes.codeSigning, row: 'codeSigning (RFC 5280 §4.2.1.12)' };
    }
    const eku = c.ext.eku?.oids;
    return {
      ok: !eku || eku.includes(CODE_SIGNING) || eku.includes(ANY_EKU),
      row: 'codeSigning CA (its EKU)',
    };
  }
  const row = ROWS[purpose][asCa ? 1 : 0];
  return { ok: opensslPurposeCodes(c.osl)[row] !== 0, row };
}
