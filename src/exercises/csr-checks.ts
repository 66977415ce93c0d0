/** Expectations on a PKCS#10 certificate request (RFC 2986) and the key it was made with. */
import '../pki/x509-setup.js';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import {
  ExtendedKeyUsageExtension,
  Pkcs10CertificateRequest,
  SubjectAlternativeNameExtension,
} from '@peculiar/x509';
import { PURPOSE_OIDS } from '../pki/eku-names.js';
import { result } from './cert-checks.js';
import { passwordIn, readBounded } from './material.js';
import type { CheckResult, CsrExpect } from './types.js';

/** A PEM or DER private key's public key, DER SPKI (undefined when it cannot be read without a password). */
function publicOfKey(folder: string, keyFile: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readBounded(folder, keyFile);
  } catch {
    return undefined;
  }
  try {
    const pw = passwordIn(folder);
    const key = createPrivateKey({
      key: bytes,
      ...(pw ? { passphrase: pw } : {}),
    });
    return createPublicKey(key).export({ type: 'spki', format: 'der' });
  } catch {
    try {
      const key = createPrivateKey({
        key: bytes,
        format: 'der',
        type: 'pkcs8',
      });
      return createPublicKey(key).export({ type: 'spki', format: 'der' });
    } catch {
      return undefined;
    }
  }
}

/** A certificate request's checks (PKCS#10, RFC 2986). */
export async function csrChecks(
  f: string,
  folder: string,
  bytes: Buffer,
  keyFile: string | undefined,
  e: CsrExpect,
): Promise<CheckResult[]> {
  const out: CheckResult[] = [];
  const text = bytes.toString('latin1');
  let csr: Pkcs10CertificateRequest;
  try {
    const m = /-----BEGIN (NEW )?CERTIFICATE REQUEST-----([\s\S]+?)-----END/.exec(text);
    const der = m ? Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64') : bytes;
    csr = new Pkcs10CertificateRequest(new Uint8Array(der) as BufferSource);
  } catch {
    return [
      result(
        `${f}: request`,
        false,
        `${f}: not a certificate request (expected a PEM CERTIFICATE REQUEST block, PKCS#10, RFC 2986)`,
      ),
    ];
  }
  if (e.noPrivateKey) {
    const has = /PRIVATE KEY-----/.test(text);
    out.push(
      result(
        `${f}: no private key`,
        !has,
        has
          ? `${f}: holds a PRIVATE KEY block; a request carries only the public key and must never hold the private key (RFC 2986 §3): keep the key in its own file`
          : `${f}: holds the public key only; the private key stays in ${keyFile ?? 'its own file'}`,
      ),
    );
  }
  if (e.signatureValid) {
    const ok = await csr.verify().catch(() => false);
    out.push(
      result(
        `${f}: signature`,
        ok,
        ok
          ? `${f}: its signature verifies with the public key it carries (proof of possession, RFC 2986 §3)`
          : `${f}: its signature does not verify with the public key it carries (RFC 2986 §3): make the request again`,
      ),
    );
  }
  if (e.san) {
    const ext = csr.extensions.find(
      (x): x is SubjectAlternativeNameExtension => x instanceof SubjectAlternativeNameExtension,
    );
    const dns = ext ? ext.names.items.filter((n) => n.type === 'dns').map((n) => n.value.toLowerCase()) : [];
    const missing = e.san.filter((n) => !dns.includes(n.toLowerCase()));
    const ok = missing.length === 0;
    const cnOnly = !ok && new RegExp(`CN=${missing[0]}\\b`, 'i').test(csr.subject);
    out.push(
      result(
        `${f}: subjectAltName`,
        ok,
        ok
          ? `${f}: requests subjectAltName dNSName ${e.san.join(', ')}`
          : `${f}: requests ${dns.length ? `subjectAltName ${dns.join(', ')}` : 'no subjectAltName'}${cnOnly ? ` and has ${missing[0]} only in the CN` : ''}; the task asks for DNS:${missing[0]} in subjectAltName, the field clients check (RFC 5280 §4.2.1.6, RFC 9110 §4.3.4): add -addext "subjectAltName=DNS:${missing[0]}"`,
      ),
    );
  }
  for (const p of e.eku ?? []) {
    const ext = csr.extensions.find(
      (x): x is ExtendedKeyUsageExtension => x instanceof ExtendedKeyUsageExtension,
    );
    const usages = ext ? ext.usages.map(String) : [];
    const ok = usages.includes(PURPOSE_OIDS[p]);
    out.push(
      result(
        `${f}: extendedKeyUsage ${p}`,
        ok,
        ok
          ? `${f}: requests EKU ${p} (${PURPOSE_OIDS[p]})`
          : `${f}: ${ext ? `requests EKU ${usages.join(', ')}` : 'requests no extendedKeyUsage'}, not ${p} (${PURPOSE_OIDS[p]}) (RFC 5280 §4.2.1.12): add -addext "extendedKeyUsage=${p}"`,
      ),
    );
  }
  if (e.keyMatches && keyFile) {
    const pub = publicOfKey(folder, keyFile);
    const csrPub = Buffer.from(csr.publicKey.rawData);
    const ok = pub?.equals(csrPub) === true;
    out.push(
      result(
        `${keyFile}: matches ${f}`,
        ok,
        ok
          ? `${keyFile}: holds the private key of the public key in ${f}`
          : pub
            ? `${keyFile}: its public key is not the one in ${f} (subjectPKInfo, RFC 2986 §4.1): make the request with this key`
            : `${keyFile}: not a readable private key (PEM PRIVATE KEY or PKCS#8 DER)`,
      ),
    );
  }
  return out;
}
