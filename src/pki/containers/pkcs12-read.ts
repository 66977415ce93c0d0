import { id_keyBag, id_pkcs8ShroudedKeyBag, SafeContents } from '@peculiar/asn1-pfx';
import { EncryptedPrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import * as asn1js from 'asn1js';
import { PkiError } from '../errors.js';
import { oidName } from '../oids.js';
import { parseAs, toBytes } from './asn1-schema.js';
import { readBagAttributes } from './bag-attributes.js';
import { describePbe, pbeDecrypt } from './pbe.js';
import { readBags } from './pkcs12-bags.js';
import { type Password, withDerivationBudget } from './pkcs12-kdf.js';
import { describeMac, verifyMac } from './pkcs12-mac.js';
import { openPkcs12, type Pkcs12Structure } from './pkcs12-structure.js';
import { type ContainerReading, emptyReading } from './reading.js';

/** The message of a wrong password (docs/architecture.md, "Errors": say what to do next). */
export const WRONG_PASSWORD = 'wrong password (try --password)';

/**
 * Reads a PKCS#12 / PFX file. Without a password it tries the empty and the NULL password (as
 * Windows and OpenSSL do), then reports only what is visible without decrypting. Never throws for
 * bad input: problems land in `error` ('corrupt', 'wrong-password', 'password-required',
 * 'mac-failed', 'unsupported-algorithm'), and key material never leaves this function.
 */
export function readPkcs12(bytes: Uint8Array, password?: string): ContainerReading {
  return withDerivationBudget(() => readWithinBudget(bytes, password));
}

function readWithinBudget(bytes: Uint8Array, password?: string): ContainerReading {
  const reading = emptyReading('PKCS#12');
  let s: Pkcs12Structure;
  try {
    s = openPkcs12(bytes);
  } catch (err) {
    return fail(reading, err);
  }
  describeProtection(s, reading);
  const candidates: Password[] = password ? [{ text: password }] : [{ text: '' }, { text: '', isNull: true }];
  let chosen: Password | undefined;
  try {
    chosen = hasMac(s) ? candidates.find((pw) => verifyMac(s.pfx.macData, s.authSafe, pw)) : candidates[0];
  } catch (err) {
    return fail(reading, err);
  }
  if (!chosen) {
    addVisibleKeys(s, reading);
    if (password === undefined) {
      reading.error = {
        code: 'password-required',
        message: 'this PFX is protected by a password (try --password)',
      };
    } else if (decryptsWith(s, candidates[0] as Password)) {
      reading.error = {
        code: 'mac-failed',
        message:
          'integrity check failed: the password is right but the MAC does not match (the file was changed or damaged)',
      };
    } else {
      reading.error = { code: 'wrong-password', message: WRONG_PASSWORD };
    }
    return reading;
  }
  if (chosen.text === '')
    reading.notes.push(
      `protected with ${chosen.isNull ? 'a NULL (absent)' : 'an empty'} password: anyone can open it`,
    );
  try {
    for (const part of s.parts) {
      if (part.kind === 'plain') readBags(part.bags, chosen, reading);
      else if (part.kind === 'encrypted') {
        const plain = pbeDecrypt(part.algorithm, part.data, chosen);
        if (!plain) {
          throw hasMac(s)
            ? new PkiError(
                'corrupt',
                'damaged PKCS#12 file: the certificates do not decrypt although the MAC matched',
              )
            : new PkiError('wrong-password', WRONG_PASSWORD);
        }
        readBags(parseAs(plain, SafeContents, 'PKCS#12 SafeContents', 'wrong-password'), chosen, reading);
      } else reading.notes.push(`holds a ${oidName(part.contentType)} part this reader does not open`);
    }
  } catch (err) {
    return fail(reading, err);
  }
  if (
    reading.keys.some((k) => (k.report.keySpec && k.report.keySpec !== 'not recorded') || k.report.cspName)
  ) {
    reading.lesson = 'keyspec';
  }
  return reading;
}

/** asn1-pfx fills an absent (optional) macData with an empty MacData, so look inside it. */
const hasMac = (s: Pkcs12Structure) => Boolean(s.pfx.macData?.mac?.digestAlgorithm?.algorithm);

function fail(reading: ContainerReading, err: unknown): ContainerReading {
  if (err instanceof PkiError) reading.error = { code: err.code, message: err.message };
  else reading.error = { code: 'corrupt', message: 'damaged or not a valid PKCS#12 (PFX) file' };
  return reading;
}

/** Notes on how the file is protected: what anyone can see without the password. */
function describeProtection(s: Pkcs12Structure, reading: ContainerReading): void {
  const n = reading.notes;
  n.push(
    hasMac(s)
      ? `integrity: ${describeMac(s.pfx.macData)}`
      : 'integrity: no MAC, nothing detects changes to this file',
  );
  let legacy = false;
  for (const part of s.parts) {
    if (part.kind === 'encrypted') {
      const d = describePbe(part.algorithm);
      legacy ||= d.legacy;
      n.push(`an encrypted part (${d.text}): what it holds, usually the certificates, needs the password`);
    } else if (part.kind === 'plain') {
      const count = (id: string) => part.bags.filter((b) => b.bagId === id).length;
      const shrouded = part.bags.filter((b) => b.bagId === id_pkcs8ShroudedKeyBag);
      for (const b of shrouded) {
        const d = describePbe(
          parseAs(b.bagValue, EncryptedPrivateKeyInfo, 'PKCS#12 shrouded key bag').encryptionAlgorithm,
        );
        legacy ||= d.legacy;
        n.push(`a readable part holds a shrouded (encrypted) private key bag (${d.text})`);
      }
      const certs = count('1.2.840.113549.1.12.10.1.3');
      if (certs) n.push(`a readable part holds ${certs} certificate bag(s), stored without encryption`);
      if (count(id_keyBag)) n.push('a readable part holds an unencrypted private key bag');
    }
  }
  n.push(
    legacy
      ? 'algorithms: legacy (RC2/3DES with SHA-1, as `openssl pkcs12 -legacy` and older Windows exports write)'
      : 'algorithms: modern (PBES2/PBKDF2 with AES, or no encryption)',
  );
}

/** Without the password, keys in readable parts are still visible as bags: list them, undescribed. */
function addVisibleKeys(s: Pkcs12Structure, reading: ContainerReading): void {
  for (const part of s.parts) {
    if (part.kind !== 'plain') continue;
    for (const bag of part.bags) {
      if (bag.bagId !== id_pkcs8ShroudedKeyBag && bag.bagId !== id_keyBag) continue;
      const attrs = readBagAttributes(bag.bagAttributes);
      const shrouded = bag.bagId === id_pkcs8ShroudedKeyBag;
      reading.keys.push({
        report: {
          algorithm: 'unknown until decrypted',
          encrypted: shrouded,
          format: shrouded ? 'PKCS#12 shrouded key bag' : 'PKCS#12 key bag (not encrypted)',
          ...(attrs.friendlyName !== undefined && { friendlyName: attrs.friendlyName }),
          ...(attrs.localKeyId !== undefined && { localKeyId: attrs.localKeyId }),
          ...(attrs.cspName !== undefined && { cspName: attrs.cspName }),
        },
      });
    }
  }
  if (reading.keys.length)
    reading.notes.push('this file carries a private key; its algorithm and KeySpec need the password');
}

/**
 * Whether the password decrypts any encrypted item into well-formed DER. It tells a file whose
 * MAC or content was damaged (the password is right) from a wrong password: a wrong key gives
 * valid CBC padding about once in 256 tries, and then almost never a well-formed SEQUENCE.
 */
function decryptsWith(s: Pkcs12Structure, pw: Password): boolean {
  const attempt = (fn: () => Uint8Array | null) => {
    try {
      const plain = fn();
      const ok = wellFormed(plain);
      plain?.fill(0);
      return ok;
    } catch {
      return false;
    }
  };
  for (const part of s.parts) {
    if (part.kind === 'encrypted' && attempt(() => pbeDecrypt(part.algorithm, part.data, pw))) return true;
    if (part.kind !== 'plain') continue;
    for (const bag of part.bags.filter((b) => b.bagId === id_pkcs8ShroudedKeyBag)) {
      const ok = attempt(() => {
        const epki = parseAs(bag.bagValue, EncryptedPrivateKeyInfo, 'PKCS#12 shrouded key bag');
        return pbeDecrypt(epki.encryptionAlgorithm, toBytes(epki.encryptedData.buffer), pw);
      });
      if (ok) return true;
    }
  }
  return false;
}

function wellFormed(plain: Uint8Array | null): boolean {
  if (!plain || plain.length === 0 || plain[0] !== 0x30) return false;
  const parsed = asn1js.fromBER(plain as BufferSource);
  return parsed.offset === plain.length && !parsed.result.error;
}
