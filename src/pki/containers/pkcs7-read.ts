import * as asn1js from 'asn1js';
import { pemBlocks } from './pem.js';
import { type ContainerReading, emptyReading } from './reading.js';

const SIGNED_DATA = '1.2.840.113549.1.7.2';

type Node = asn1js.AsnType;
const children = (n: Node | undefined): Node[] => {
  const v = (n as { valueBlock?: { value?: unknown } } | undefined)?.valueBlock?.value;
  return Array.isArray(v) ? (v as Node[]) : [];
};
const isContext = (n: Node, tag: number) => n.idBlock.tagClass === 3 && n.idBlock.tagNumber === tag;

/**
 * Whether DER/BER bytes are a PKCS#7 / CMS ContentInfo holding SignedData (a .p7b/.p7c/.p7s).
 */
export function looksLikePkcs7(der: Uint8Array): boolean {
  if (der[0] !== 0x30) return false;
  const parsed = asn1js.fromBER(der as BufferSource);
  const oid = children(parsed.result)[0];
  return oid instanceof asn1js.ObjectIdentifier && oid.valueBlock.toString() === SIGNED_DATA;
}

/**
 * Reads the certificates of a PKCS#7 SignedData (RFC 2315 / RFC 5652 §5), PEM ("PKCS7", "CMS")
 * or DER, BER indefinite lengths included. Walked with asn1js rather than the @peculiar/asn1-cms
 * schema so that each certificate keeps its exact original bytes (re-encoding a parsed certificate
 * could change them and break its signature).
 */
export function readPkcs7(bytes: Uint8Array, isPemText: boolean): ContainerReading {
  const reading = emptyReading('PKCS#7');
  const der = isPemText ? pemBlocks(bytes).find((b) => b.label === 'PKCS7' || b.label === 'CMS')?.der : bytes;
  const bad = () => {
    reading.error = { code: 'corrupt', message: 'damaged or not a valid PKCS#7 (.p7b/.p7c) file' };
    return reading;
  };
  if (der === undefined || der[0] !== 0x30) return bad();
  const parsed = asn1js.fromBER(der as BufferSource);
  if (parsed.offset === -1) return bad();
  const [oid, wrapped] = children(parsed.result);
  if (!(oid instanceof asn1js.ObjectIdentifier)) return bad();
  if (oid.valueBlock.toString() !== SIGNED_DATA) {
    reading.error = {
      code: 'unsupported',
      message: `a PKCS#7 ${oid.valueBlock.toString()} file holds no certificates to show`,
    };
    return reading;
  }
  const signedData = children(wrapped)[0];
  const fields = children(signedData);
  if (fields.length < 4) return bad();
  for (const f of fields) {
    if (isContext(f, 0)) {
      for (const c of children(f)) {
        if (c.idBlock.tagClass === 1)
          reading.certificates.push({ der: new Uint8Array(c.valueBeforeDecodeView) });
      }
    } else if (isContext(f, 1)) {
      reading.notes.push(`holds ${children(f).length} CRL(s) (revocation lists)`);
    }
  }
  const signerInfos = fields[fields.length - 1];
  const signers = signerInfos instanceof asn1js.Set ? signerInfos.valueBlock.value.length : 0;
  reading.notes.push(
    signers
      ? `signed data with ${signers} signer(s) (a .p7s signature); its certificates are listed`
      : 'a certificates-only ("degenerate") PKCS#7: certificates and maybe CRLs, never a private key',
  );
  if (!reading.certificates.length) reading.notes.push('holds no certificates');
  return reading;
}
