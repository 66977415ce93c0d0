import {
  CertBag,
  id_CRLBag,
  id_certBag,
  id_keyBag,
  id_pkcs8ShroudedKeyBag,
  id_SafeContents,
  id_SecretBag,
  id_x509Certificate,
  type SafeBag,
  SafeContents,
} from '@peculiar/asn1-pfx';
import { EncryptedPrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import { PkiError } from '../errors.js';
import { octetStringValue, parseAs, toBytes } from './asn1-schema.js';
import { readBagAttributes } from './bag-attributes.js';
import { describePkcs8 } from './key-info.js';
import { describePbe, pbeDecrypt } from './pbe.js';
import type { Password } from './pkcs12-kdf.js';
import type { ContainerReading } from './reading.js';

/** SafeContents may nest inside a safeContentsBag; real files never go deeper than this. */
const MAX_DEPTH = 4;

/**
 * Walks SafeBags with the (already verified) password, adding certificates, keys and notes to
 * `into`. Decrypted key bytes live only inside this call and are never stored.
 */
export function readBags(bags: SafeBag[], password: Password, into: ContainerReading, depth = 0): void {
  if (depth > MAX_DEPTH)
    throw new PkiError('corrupt', 'damaged PKCS#12 file (SafeContents nested too deeply)');
  for (const bag of bags) {
    const attrs = readBagAttributes(bag.bagAttributes);
    switch (bag.bagId) {
      case id_certBag: {
        const cert = parseAs(bag.bagValue, CertBag, 'PKCS#12 certificate bag');
        if (cert.certId !== id_x509Certificate) {
          into.notes.push('a certificate bag holds a non-X.509 certificate, not shown');
          break;
        }
        into.certificates.push({
          der: octetStringValue(cert.certValue, 'PKCS#12 certificate bag'),
          ...(attrs.friendlyName !== undefined && { friendlyName: attrs.friendlyName }),
          ...(attrs.localKeyId !== undefined && { localKeyId: attrs.localKeyId }),
        });
        break;
      }
      case id_pkcs8ShroudedKeyBag: {
        const epki = parseAs(bag.bagValue, EncryptedPrivateKeyInfo, 'PKCS#12 shrouded key bag');
        const plain = pbeDecrypt(epki.encryptionAlgorithm, toBytes(epki.encryptedData.buffer), password);
        if (!plain)
          throw new PkiError(
            'corrupt',
            'damaged PKCS#12 file: the private key does not decrypt although the MAC matched',
          );
        const key = describePkcs8(plain, 'PKCS#12 shrouded key bag', true);
        plain.fill(0);
        addKey(into, key, attrs, describePbe(epki.encryptionAlgorithm).text);
        break;
      }
      case id_keyBag: {
        addKey(into, describePkcs8(toBytes(bag.bagValue), 'PKCS#12 key bag (not encrypted)', false), attrs);
        into.notes.push(
          'the private key is stored in a plain key bag: not encrypted, protected only by the file MAC',
        );
        break;
      }
      case id_SafeContents:
        readBags(parseAs(bag.bagValue, SafeContents, 'PKCS#12 SafeContents'), password, into, depth + 1);
        break;
      case id_CRLBag:
        into.notes.push('holds a CRL bag (revocation list), not described here');
        break;
      case id_SecretBag:
        into.notes.push('holds a secret bag (a secret value), never shown');
        break;
      default:
        into.notes.push(`holds an unknown bag type ${bag.bagId}`);
    }
  }
}

function addKey(
  into: ContainerReading,
  key: ReturnType<typeof describePkcs8>,
  attrs: ReturnType<typeof readBagAttributes>,
  protection?: string,
) {
  if (attrs.friendlyName !== undefined) key.report.friendlyName = attrs.friendlyName;
  if (attrs.localKeyId !== undefined) key.report.localKeyId = attrs.localKeyId;
  if (attrs.cspName !== undefined) key.report.cspName = attrs.cspName;
  into.keys.push(key);
  const n = into.keys.length;
  if (protection) into.notes.push(`key ${n} is encrypted with ${protection}`);
  if (attrs.localMachine)
    into.notes.push(
      `key ${n} asks Windows to import it into the machine key set (attribute 1.3.6.1.4.1.311.17.2)`,
    );
}
