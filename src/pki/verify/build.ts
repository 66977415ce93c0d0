/**
 * Chain building as OpenSSL 3.0's build_chain (crypto/x509/x509_vfy.c) does it with its defaults
 * (trusted first, no partial chains): at each step the trust store is searched first, then the
 * untrusted certificates; a certificate from the store ends the chain when it is self-signed
 * (check_trust: trust_compat); a self-signed certificate from the peer is trusted only when the
 * store holds exactly the same certificate.
 */

import { bytesEqual } from '../der.js';
import { pickIssuer } from '../issuer-choice.js';
import { notLikelyIssued } from '../likely-issued.js';
import { certificateKey } from '../signature.js';
import type { VCert } from './cert.js';

export interface BuiltChain {
  /** Leaf first. */
  chain: VCert[];
  /** Ends at a self-signed certificate from the trust store. */
  trusted: boolean;
  /** Why the chain could not be completed: OpenSSL's error and the depth it reports. */
  failure: { code: 2 | 18 | 19 | 20; depth: number } | null;
}

/** OpenSSL's limit on the chain length (X509_VERIFY_PARAM depth 100). */
const MAX_DEPTH = 100;

/**
 * ossl_x509_likely_issued, and check_sig_alg_match's need for the issuer's key: a key OpenSSL cannot
 * load (a DSA key that inherits its parameters) makes the certificate no issuer at all.
 */
const issues = (issuer: VCert, child: VCert) =>
  notLikelyIssued(issuer, child) === null && certificateKey(issuer.cert) !== null;

/** A trust anchor: a self-signed certificate from the store whose extensions OpenSSL can read. */
const isAnchor = (c: VCert) => c.source === 'trusted' && c.selfSigned && c.ext.invalid.length === 0;

export function buildChain(leaf: VCert, untrusted: VCert[], trusted: VCert[]): BuiltChain {
  const chain: VCert[] = [leaf];
  const done = (failure: BuiltChain['failure']): BuiltChain => ({ chain, trusted: !failure, failure });
  while (chain.length <= MAX_DEPTH) {
    const x = chain[chain.length - 1]!;
    const depth = chain.length - 1;
    if (x.source !== 'trusted') {
      if (x.selfSigned) {
        const same = trusted.find((t) => bytesEqual(t.cert.der, x.cert.der));
        if (same && isAnchor(same)) {
          chain[depth] = same;
          return done(null);
        }
        return done({ code: depth === 0 ? 18 : 19, depth });
      }
      const fromStore = pickIssuer(trusted.filter((t) => issues(t, x)));
      if (fromStore) {
        chain.push(fromStore);
        if (isAnchor(fromStore)) return done(null);
        continue;
      }
      const fromPeer = pickIssuer(untrusted.filter((u) => !chain.includes(u) && issues(u, x)));
      if (!fromPeer) return done({ code: 20, depth });
      chain.push(fromPeer);
    } else {
      const fromStore = pickIssuer(trusted.filter((t) => !chain.includes(t) && issues(t, x)));
      if (!fromStore) return done({ code: 2, depth });
      chain.push(fromStore);
      if (isAnchor(fromStore)) return done(null);
    }
  }
  return done({ code: 2, depth: chain.length - 1 });
}
