/**
 * Expectations on PKCS#12 files and private key files. PFX protection is
 * read from the engine's notes on the file (src/pki/containers/pkcs12-read.ts describeProtection).
 */
import { matchKeyToCertificates } from '../pki/index.js';
import type { CertSource } from './material.js';
import type { CheckResult, KeyExpect, PfxExpect } from './types.js';

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
            ? `${f}: uses modern algorithms (PBES2 with AES), which older Windows and Java releases cannot open; use the legacy PKCS#12 PBE algorithms (RFC 7292 Appendix C): openssl pkcs12 -export -keypbe PBE-SHA1-3DES -certpbe PBE-SHA1-3DES -macalg sha1`
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
          : `${f}: its key's KeySpec is ${ks}; the task asks for ${e.keySpec}: KeySpec travels as the key-usage attribute 2.5.29.15 on the PKCS#8 key (0x10 = AT_KEYEXCHANGE), which openssl pkcs12 -export -keyex writes`,
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
