import { childrenOf } from '../der.js';
import { bitStringBytes } from '../ext-decoders.js';
import { type Decoded, generalNameText, sequence } from './util.js';

const REASONS = [
  'unused',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'privilegeWithdrawn',
  'aACompromise',
];

/** cRLDistributionPoints / freshestCRL (RFC 5280 §4.2.1.13, §4.2.1.15): where the CRLs are. */
export function decodeCrlDistributionPoints(value: Uint8Array): Decoded {
  const points = sequence(value, 'cRLDistributionPoints').map((dp) => {
    const out: { names: string[]; reasons?: string[]; crlIssuer?: string[] } = { names: [] };
    for (const p of childrenOf(value, dp)) {
      if (p.tag === 0) {
        const choice = childrenOf(value, p)[0];
        if (choice?.tag === 0) out.names = childrenOf(value, choice).map((g) => generalNameText(value, g));
        else if (choice) out.names = ['(a name relative to the CRL issuer)'];
      } else if (p.tag === 1) {
        const bits = bitStringBytes(value, p);
        out.reasons = REASONS.filter((_, i) => ((bits[i >> 3] ?? 0) >> (7 - (i & 7))) & 1);
      } else if (p.tag === 2) out.crlIssuer = childrenOf(value, p).map((g) => generalNameText(value, g));
    }
    return out;
  });
  const lines = points.flatMap((p) => [
    ...p.names.map((n) => `Full Name: ${n}`),
    ...(p.reasons ? [`Reasons: ${p.reasons.join(', ')}`] : []),
    ...(p.crlIssuer ? [`CRL Issuer: ${p.crlIssuer.join(', ')}`] : []),
  ]);
  const uris = points.flatMap((p) => p.names.filter((n) => n.startsWith('URI:')).map((n) => n.slice(4)));
  return { lines, data: { points, uris } };
}
