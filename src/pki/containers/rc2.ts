import rc2 from 'node-forge/lib/rc2.js';
import util from 'node-forge/lib/util.js';

/*
 * RC2-CBC with PKCS#7 padding. Node 20's OpenSSL 3 offers RC2 only under
 * --openssl-legacy-provider, yet `openssl pkcs12 -legacy` and older Windows exports encrypt the
 * certificates with pbeWithSHAAnd40BitRC2-CBC, so the maintained pure-JS RC2 of node-forge does it.
 */

const bin = (b: Uint8Array) => Buffer.from(b).toString('binary');

/** Decrypts RC2-CBC; returns null when the padding is wrong (a wrong password, usually). */
export function rc2Decrypt(
  key: Uint8Array,
  effectiveBits: number,
  iv: Uint8Array,
  data: Uint8Array,
): Uint8Array | null {
  const cipher = rc2.createDecryptionCipher(util.createBuffer(bin(key)), effectiveBits);
  cipher.start(util.createBuffer(bin(iv)));
  cipher.update(util.createBuffer(bin(data)));
  if (!cipher.finish()) return null;
  return new Uint8Array(Buffer.from(cipher.output.getBytes(), 'binary'));
}

/** Encrypts RC2-CBC with PKCS#7 padding (the fixture writer's legacy PFX). */
export function rc2Encrypt(
  key: Uint8Array,
  effectiveBits: number,
  iv: Uint8Array,
  data: Uint8Array,
): Uint8Array {
  const cipher = rc2.createEncryptionCipher(util.createBuffer(bin(key)), effectiveBits);
  cipher.start(util.createBuffer(bin(iv)));
  cipher.update(util.createBuffer(bin(data)));
  cipher.finish();
  return new Uint8Array(Buffer.from(cipher.output.getBytes(), 'binary'));
}
