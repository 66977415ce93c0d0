import { AuthenticatedSafe, PFX, SafeContents } from '@peculiar/asn1-pfx';
import type { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { PkiError } from '../errors.js';
import { oidName } from '../oids.js';
import { octetStringValue, parseAs, toBytes } from './asn1-schema.js';
import { CmsEncryptedData } from './schemas.js';

const DATA = '1.2.840.113549.1.7.1';
const ENCRYPTED_DATA = '1.2.840.113549.1.7.6';

/** One ContentInfo of the AuthenticatedSafe: readable bags, or bags encrypted under the password. */
export type Pkcs12Part =
  | { kind: 'plain'; bags: SafeContents }
  | { kind: 'encrypted'; algorithm: AlgorithmIdentifier; data: Uint8Array }
  | { kind: 'other'; contentType: string };

/** A PFX opened without the password: the MAC data, the authenticated bytes and the parts. */
export interface Pkcs12Structure {
  pfx: PFX;
  authSafe: Uint8Array;
  parts: Pkcs12Part[];
}

/** Whether the bytes look like a PFX (a PFX SEQUENCE with version 3 and a ContentInfo). */
export function looksLikePkcs12(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x30) return false;
  try {
    return AsnConvertPfx(bytes).version === 3;
  } catch {
    return false;
  }
}

function AsnConvertPfx(bytes: Uint8Array): PFX {
  return parseAs(bytes, PFX, 'PKCS#12 (PFX) file');
}

/** Parses a PFX down to its parts, with no password. Throws PkiError('corrupt' | 'unsupported-algorithm'). */
export function openPkcs12(bytes: Uint8Array): Pkcs12Structure {
  const pfx = AsnConvertPfx(bytes);
  if (pfx.version !== 3)
    throw new PkiError('corrupt', `not a PKCS#12 file this reader knows (version ${pfx.version})`);
  if (pfx.authSafe.contentType !== DATA) {
    throw new PkiError(
      'unsupported-algorithm',
      `unsupported: ${oidName(pfx.authSafe.contentType)} integrity mode (public-key PFX)`,
    );
  }
  const authSafe = octetStringValue(pfx.authSafe.content, 'PKCS#12 (PFX) file');
  const infos = parseAs(authSafe, AuthenticatedSafe, 'PKCS#12 (PFX) file');
  const parts: Pkcs12Part[] = infos.map((ci) => {
    if (ci.contentType === DATA) {
      const inner = octetStringValue(ci.content, 'PKCS#12 SafeContents');
      return { kind: 'plain', bags: parseAs(inner, SafeContents, 'PKCS#12 SafeContents') };
    }
    if (ci.contentType === ENCRYPTED_DATA) {
      const ed = parseAs(ci.content, CmsEncryptedData, 'PKCS#12 encrypted SafeContents');
      const eci = ed.encryptedContentInfo;
      const content = eci.encryptedContent;
      const chunks = content?.value ? [content.value] : (content?.constructedValue ?? []);
      const data = Buffer.concat(chunks.map((c) => toBytes(c.buffer)));
      return { kind: 'encrypted', algorithm: eci.contentEncryptionAlgorithm, data: new Uint8Array(data) };
    }
    return { kind: 'other', contentType: ci.contentType };
  });
  return { pfx, authSafe, parts };
}
