import { bad, type Decoded, sequence, smallInt } from './util.js';

const FEATURES: Record<number, string> = { 5: 'status_request', 17: 'status_request_v2' };

/**
 * TLS Feature (RFC 7633, OID 1.3.6.1.5.5.7.1.24): TLS extensions the server must use.
 * status_request (5) is "OCSP must-staple": a client must see a stapled OCSP response.
 */
export function decodeTlsFeature(value: Uint8Array): Decoded {
  const features = sequence(value, 'TLS Feature').map((t) => smallInt(value, t, 'TLS feature'));
  if (features.some((f) => f > 65535)) bad('TLS feature out of range');
  const names = features.map((f) => FEATURES[f] ?? `extension ${f}`);
  const mustStaple = features.includes(5);
  return {
    lines: [
      names.join(', '),
      ...(mustStaple ? ['OCSP must-staple: a client must get a stapled OCSP response'] : []),
    ],
    data: { features, names, mustStaple },
  };
}
