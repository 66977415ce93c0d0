import { childrenOf } from '../der.js';
import { type Decoded, generalNameText, oidOf, sequence } from './util.js';

const METHODS: Record<string, string> = {
  '1.3.6.1.5.5.7.48.1': 'OCSP',
  '1.3.6.1.5.5.7.48.2': 'CA Issuers',
  '1.3.6.1.5.5.7.48.3': 'Time Stamping',
  '1.3.6.1.5.5.7.48.5': 'CA Repository',
};

/**
 * authorityInfoAccess / subjectInfoAccess (RFC 5280 §4.2.2.1, §4.2.2.2): where to ask about the
 * certificate (OCSP) and where its issuer's certificate is (caIssuers).
 */
export function decodeInfoAccess(value: Uint8Array): Decoded {
  const entries = sequence(value, 'info access').map((ad) => {
    const [m, loc] = childrenOf(value, ad);
    const oid = oidOf(value, m, 'accessMethod');
    return { method: METHODS[oid] ?? oid, oid, location: loc ? generalNameText(value, loc) : '' };
  });
  const urls = (oid: string) =>
    entries.filter((e) => e.oid === oid).map((e) => e.location.replace(/^URI:/, ''));
  return {
    lines: entries.map((e) => `${e.method} - ${e.location}`),
    data: { ocsp: urls('1.3.6.1.5.5.7.48.1'), caIssuers: urls('1.3.6.1.5.5.7.48.2'), entries },
  };
}
