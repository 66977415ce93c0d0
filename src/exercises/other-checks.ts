/**
 * Expectations on PKCS#12 files, certificate requests and private key files. PFX protection is
 * read from the engine's notes on the file (src/pki/containers/pkcs12-read.ts describeProtection).
 */
import '../pki/x509-setup.js';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  ExtendedKeyUsageExtension,
  Pkcs10CertificateRequest,
  SubjectAlternativeNameExtension,
} from '@peculiar/x509';
import { PURPOSE_OIDS } from '../pki/eku-names.js';
import { matchKeyToCertificates } from '../pki/index.js';
import { type CertSource, passwordIn } from './material.js';
import type { CheckResult, CsrExpect, KeyExpect, PfxExpect } from './types.js';

const result = (name: string, passed: boolean, message: string): CheckResult => ({ name, passed, message });

/** How a PFX is protected, from the engine's notes: its MAC hash and the cipher of each encrypted part. */
export function pfxProtection(notes: string[]): { mac: string | null; parts: string[]; legacy: boolean } {
  const mac = notes.map((n) => /^integrity: (\S+) MAC/.exec(n)?.[1]).find(Boolean) ?? null;
  const parts = notes
    .map(
      (n) =>
        /^an encrypted part \((.+?)\):/.exec(n)?.[1] ??
        /shrouded \(encrypted\) private key bag \((.+)\)$/.exec(n)?.[1],
    )
    .filter((x): x is string => Boolean(x));
  return { mac, parts, legacy: notes.some((n) => n.startsWith('algorithms: legacy')) };
}

const cipherOf = (text: string) =>
  /AES/.test(text) ? 'AES' : /TripleDES|DES-EDE3/.test(text) ? '3DES' : /RC2/.test(text) ? 'RC2' : text;

/** The PFX's own checks (its certificates are checked by certChecks on the same source). */
export function pfxChecks(f: string, src: CertSource, e: PfxExpect): CheckResult[] {
  const out: CheckResult[] = [];
  const r = src.report;
  const prot = pfxProtection(r.notes);
  if (e.hasKey) {
    const ok = r.privateKeys.length > 0;
    out.push(
      result(
        `${f}: private key`,
        ok,
        ok
          ? `${f}: holds a private key`
          : `${f}: holds no private key; export it with the key (Export-PfxCertificate, or openssl pkcs12 -export -inkey KEY)`,
      ),
    );
  }
  if (e.keyMatches) {
    const m = matchKeyToCertificates(r.privateKeys, src.ders)[0];
    out.push(
      result(
        `${f}: key matches`,
        m !== undefined,
        m !== undefined
          ? `${f}: the key belongs to ${r.certificates[m]!.subject.text}`
          : `${f}: its private key belongs to none of its certificates (subjectPublicKeyInfo, RFC 5280 §4.1.2.7): export the certificate with its own key`,
      ),
    );
  }
  if (e.minCertificates !== undefined) {
    const n = r.certificates.length;
    const ok = n >= e.minCertificates;
    out.push(
      result(
        `${f}: certificates`,
        ok,
        ok
          ? `${f}: holds ${n} certificates`
          : `${f}: holds ${n} certificate(s); the task asks for the certificate and its chain (at least ${e.minCertificates}): add the CA certificates (openssl pkcs12 -export -certfile CA, or Export-PfxCertificate -ChainOption BuildChain)`,
      ),
    );
  }
  if (e.mac) {
    const ok = prot.mac === e.mac;
    const has = prot.mac ? `its MAC uses ${prot.mac}` : 'it has no MAC';
    out.push(
      result(
        `${f}: MAC`,
        ok,
        ok
          ? `${f}: integrity: ${e.mac} MAC`
          : `${f}: ${has}; the task asks for a ${e.mac} MAC (PKCS#12 MacData, RFC 7292 §4): openssl pkcs12 -export -macalg ${e.mac.replace('-', '').toLowerCase()}`,
      ),
    );
  }
  const wrong = (want: string) => prot.parts.find((p) => cipherOf(p) !== want);
  if (e.cipher) {
    const bad = wrong(e.cipher);
    const ok = prot.parts.length > 0 && !bad;
    const flag =
      e.cipher === '3DES'
        ? '-keypbe PBE-SHA1-3DES -certpbe PBE-SHA1-3DES'
        : '-keypbe AES-256-CBC -certpbe AES-256-CBC';
    out.push(
      result(
        `${f}: encryption`,
        ok,
        ok
          ? `${f}: every encrypted part uses ${e.cipher} (${prot.parts.join('; ')})`
          : `${f}: ${bad ? `a part is encrypted with ${bad}` : 'nothing in it is encrypted'}; the task asks for ${e.cipher} on every part (PKCS#12 PBE, RFC 7292 Appendix C): openssl pkcs12 -export ${flag}`,
      ),
    );
  }
  if (e.encryption) {
    const ok = e.encryption === 'legacy' ? prot.legacy : !prot.legacy;
    out.push(
      result(
        `${f}: algorithms`,
        ok,
        ok
          ? `${f}: ${e.encryption} algorithms`
          : e.encryption === 'legacy'
            ? `${f}: uses modern algorithms (PBES2 with AES), which an old Windows (before Windows 10 1709 / Server 2019) or Java 8 cannot open; use the legacy PKCS#12 PBE algorithms (RFC 7292 Appendix C): openssl pkcs12 -export -legacy or -keypbe PBE-SHA1-3DES`
            : `${f}: uses legacy algorithms (${prot.parts.join('; ')}); modern protection is PBES2 with AES (RFC 8018 §6.2): openssl pkcs12 -export without -legacy, or Export-PfxCertificate -CryptoAlgorithmOption AES256_SHA256`,
      ),
    );
  }
  if (e.keySpec) {
    const ks = r.privateKeys[0]?.keySpec ?? 'not recorded';
    const ok = ks === e.keySpec;
    out.push(
      result(
        `${f}: KeySpec`,
        ok,
        ok
          ? `${f}: its key carries KeySpec ${ks} (the key-usage attribute 2.5.29.15 in the key bag)`
          : `${f}: its key's KeySpec is ${ks}; the task asks for ${e.keySpec}: KeySpec travels as the key-usage attribute 2.5.29.15 on the PKCS#8 key (0x10 = AT_KEYEXCHANGE), written by openssl pkcs12 -export -keyex or certutil -importPFX ... AT_KEYEXCHANGE`,
      ),
    );
  }
  return out;
}

/** A PEM or DER private key's public key, DER SPKI (undefined when it cannot be read without a password). */
function publicOfKey(folder: string, keyFile: string): Buffer | undefined {
  try {
    const pw = passwordIn(folder);
    const key = createPrivateKey({
      key: readFileSync(`${folder}/${keyFile}`),
      ...(pw ? { passphrase: pw } : {}),
    });
    return createPublicKey(key).export({ type: 'spki', format: 'der' });
  } catch {
    try {
      const key = createPrivateKey({
        key: readFileSync(`${folder}/${keyFile}`),
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

/** A private key file's checks. */
export function keyChecks(
  f: string,
  src: CertSource,
  other: CertSource | undefined,
  e: KeyExpect,
): CheckResult[] {
  const out: CheckResult[] = [];
  const k = src.keys[0]!;
  if (e.pkcs8) {
    const ok = k.format === 'PRIVATE KEY' && !k.encrypted;
    out.push(
      result(
        `${f}: format`,
        ok,
        ok
          ? `${f}: an unencrypted PKCS#8 key (BEGIN PRIVATE KEY)`
          : `${f}: is ${k.format}${k.encrypted ? ', encrypted' : ''}; the task asks for an unencrypted PKCS#8 key, "BEGIN PRIVATE KEY" (RFC 5208, RFC 7468 §10): openssl pkcs12 -in given.pfx -nocerts -noenc, or openssl pkey -in KEY -out ${f}`,
      ),
    );
  }
  if (e.encrypted !== undefined && !e.pkcs8) {
    const ok = k.encrypted === e.encrypted;
    out.push(
      result(
        `${f}: encryption`,
        ok,
        ok
          ? `${f}: ${k.encrypted ? 'encrypted' : 'not encrypted'}`
          : `${f}: is ${k.encrypted ? '' : 'not '}encrypted (RFC 7468 §11)`,
      ),
    );
  }
  if (e.matches && other) {
    const ok = matchKeyToCertificates(src.keys, other.ders.slice(0, 1))[0] === 0;
    out.push(
      result(
        `${f}: matches ${e.matches}`,
        ok,
        ok
          ? `${f}: is the key of the certificate in ${e.matches}`
          : `${f}: is not the key of the certificate in ${e.matches} (subjectPublicKeyInfo, RFC 5280 §4.1.2.7): take the key out of ${e.matches} itself`,
      ),
    );
  }
  return out;
}
