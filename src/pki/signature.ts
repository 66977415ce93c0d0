import {
  constants,
  type KeyObject,
  type VerifyKeyObjectInput,
  type VerifyPublicKeyInput,
  verify,
} from 'node:crypto';
import type { ParsedCert } from './cert-parse.js';
import { bytesEqual, childrenOf, content, decodeOid, isUniversal, readTlv } from './der.js';
import { SIGNATURE_ALGORITHMS } from './oids.js';
import { publicKeyObject } from './public-key.js';

const HASH_BY_OID: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '2.16.840.1.101.3.4.2.4': 'sha224',
};

/** RSASSA-PSS parameters (RFC 4055 §3.1): hash and salt length, with their defaults. */
function pssParams(alg: Uint8Array): { hash: string; saltLength: number } {
  const out = { hash: 'sha1', saltLength: 20 };
  const top = readTlv(alg, 0);
  const params = childrenOf(alg, top)[1];
  if (!isUniversal(params, 16)) return out;
  for (const p of childrenOf(alg, params)) {
    const [inner] = childrenOf(alg, p);
    if (!inner) continue;
    if (p.tag === 0 && isUniversal(inner, 16)) {
      const oidT = childrenOf(alg, inner)[0];
      if (oidT) out.hash = HASH_BY_OID[decodeOid(content(alg, oidT))] ?? out.hash;
    } else if (p.tag === 2 && isUniversal(inner, 2)) {
      out.saltLength = content(alg, inner).reduce((v, b) => v * 256 + b, 0);
    }
  }
  return out;
}

/** node:crypto's verify arguments for one signature algorithm, or null when it is unknown. */
type VerifyArgs = [algorithm: string | null, key: KeyObject | VerifyKeyObjectInput | VerifyPublicKeyInput];

function verifyArgs(sigOid: string, sigAlg: Uint8Array, key: KeyObject): VerifyArgs | null {
  const alg = SIGNATURE_ALGORITHMS[sigOid];
  if (!alg) return null;
  if (alg.name === 'rsassaPss') {
    const { hash, saltLength } = pssParams(sigAlg);
    return [hash, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength }];
  }
  if (alg.key === 'ec' || alg.key === 'dsa') return [alg.hash, { key, dsaEncoding: 'der' }];
  return [alg.hash, key];
}

/**
 * Whether `signature` over `tbs` verifies with the public key in `spki` (a real cryptographic
 * check through node:crypto, not a name comparison). False for unknown algorithms or bad keys.
 */
export function verifySignature(
  tbs: Uint8Array,
  sigOid: string,
  sigAlg: Uint8Array,
  signature: Uint8Array,
  spki: Uint8Array | KeyObject | null,
): boolean {
  const key = spki instanceof Uint8Array ? publicKeyObject(spki) : spki;
  if (!key) return false;
  try {
    const args = verifyArgs(sigOid, sigAlg, key);
    return args ? verify(args[0], tbs, args[1], signature) : false;
  } catch {
    return false;
  }
}

/**
 * verifySignature run in node's thread pool (crypto.verify with a callback), so that several
 * signatures are checked at once and while the main thread goes on parsing. Same answer.
 */
function verifySignatureAsync(
  tbs: Uint8Array,
  sigOid: string,
  sigAlg: Uint8Array,
  signature: Uint8Array,
  key: KeyObject | null,
): Promise<boolean> {
  if (!key) return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      const args = verifyArgs(sigOid, sigAlg, key);
      if (!args) resolve(false);
      else verify(args[0], tbs, args[1], signature, (err, ok) => resolve(!err && ok));
    } catch {
      resolve(false);
    }
  });
}

const keyCache = new WeakMap<Uint8Array, KeyObject | null>();
const signedCache = new WeakMap<Uint8Array, WeakMap<Uint8Array, boolean>>();

/** The certificate's public key as a KeyObject (cached per certificate bytes), or null. */
export function certificateKey(c: ParsedCert): KeyObject | null {
  let k = keyCache.get(c.der);
  if (k === undefined) {
    k = publicKeyObject(c.spki);
    keyCache.set(c.der, k);
  }
  return k;
}

function byIssuerOf(child: ParsedCert): WeakMap<Uint8Array, boolean> {
  let byIssuer = signedCache.get(child.der);
  if (!byIssuer) {
    byIssuer = new WeakMap();
    signedCache.set(child.der, byIssuer);
  }
  return byIssuer;
}

/**
 * Whether `issuer`'s key verifies `child`'s signature. RFC 5280 §4.1.1.2: the outer
 * signatureAlgorithm MUST equal the tbsCertificate's signature field; a certificate where they
 * differ does not verify (OpenSSL's X509_verify refuses it the same way). Cached per pair of
 * certificate byte arrays, so describing a file and chaining it verify each signature once.
 */
export function signedBy(child: ParsedCert, issuer: ParsedCert): boolean {
  const byIssuer = byIssuerOf(child);
  let ok = byIssuer.get(issuer.der);
  if (ok === undefined) {
    ok =
      bytesEqual(child.tbsSignatureAlgorithm, child.signatureAlgorithm) &&
      verifySignature(
        child.tbs,
        child.signatureOid,
        child.signatureAlgorithm,
        child.signature,
        certificateKey(issuer),
      );
    byIssuer.set(issuer.der, ok);
  }
  return ok;
}

const pending = new WeakMap<Uint8Array, WeakMap<Uint8Array, Promise<boolean>>>();

/**
 * Starts checking that `issuer` signed `child` in the thread pool and resolves when signedBy has
 * the answer (at once when it has it already). Starting many checks before awaiting any lets
 * them run side by side: a bundle of 140 roots holds 30 P-384 signatures at ~0.8 ms each.
 */
export function checkSignedBy(child: ParsedCert, issuer: ParsedCert): Promise<boolean> {
  const byIssuer = byIssuerOf(child);
  const known = byIssuer.get(issuer.der);
  if (known !== undefined) return Promise.resolve(known);
  let started = pending.get(child.der);
  if (!started) {
    started = new WeakMap();
    pending.set(child.der, started);
  }
  let p = started.get(issuer.der);
  if (!p) {
    p = (
      bytesEqual(child.tbsSignatureAlgorithm, child.signatureAlgorithm)
        ? verifySignatureAsync(
            child.tbs,
            child.signatureOid,
            child.signatureAlgorithm,
            child.signature,
            certificateKey(issuer),
          )
        : Promise.resolve(false)
    ).then((ok) => {
      byIssuer.set(issuer.der, ok);
      return ok;
    });
    started.set(issuer.der, p);
  }
  return p;
}
