/**
 * Expectations on a certificate file, checked on the engine's reports (describe and chain
 * building in src/pki). Every message names the file, the field and the rule.
 */
import { X509Certificate } from 'node:crypto';
import { type CertificateReport, matchKeyToCertificates, type PrivateKeyReport } from '../pki/index.js';
import { relationChecks } from './cert-relations.js';
import type { CertSource } from './material.js';
import type { CertExpect, CheckResult } from './types.js';

/** Reads another certificate file named by an expectation (chainsTo, issuedBy, ...). */
export type ReadOther = (name: string) => Promise<CertSource>;

export const result = (name: string, passed: boolean, message: string): CheckResult => ({
  name,
  passed,
  message,
});
const strip = (reason: string) => reason.replace(/^(Yes|No): /, '');

/** The SubjectPublicKeyInfo of a certificate, DER, to compare keys. */
export function spkiOf(der: Uint8Array): Buffer {
  return new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' });
}

export const dnsNames = (c: CertificateReport) =>
  c.subjectAltName.filter((e) => e.type === 'dns').map((e) => e.value);
export const sanText = (c: CertificateReport) =>
  c.subjectAltName.length
    ? c.subjectAltName.map((e) => `${e.type}:${e.value}`).join(', ')
    : 'no subjectAltName';

function keyText(c: CertificateReport): string {
  const k = c.publicKey;
  return k.curve ? `${k.algorithm} ${k.curve}` : k.size ? `${k.algorithm} ${k.size} bits` : k.algorithm;
}

function sanCheck(f: string, c: CertificateReport, want: string[]): CheckResult {
  const have = dnsNames(c).map((n) => n.toLowerCase());
  const missing = want.filter((n) => !have.includes(n.toLowerCase()));
  if (!missing.length)
    return result(`${f}: subjectAltName`, true, `${f}: subjectAltName has dNSName ${want.join(', ')}`);
  const n = missing[0]!;
  if (c.subject.commonName?.toLowerCase() === n.toLowerCase())
    return result(
      `${f}: subjectAltName`,
      false,
      `${f}: ${n} is only in the subject CN, not in subjectAltName (${sanText(c)}); modern clients match the name against subjectAltName dNSName only, and HTTPS clients MUST NOT use the CN (RFC 9110 §4.3.4): add DNS:${n} to subjectAltName`,
    );
  return result(
    `${f}: subjectAltName`,
    false,
    `${f}: subjectAltName has no dNSName ${n} (it has ${sanText(c)}); a client checks the name it asked for against these (RFC 5280 §4.2.1.6): add DNS:${n}`,
  );
}

function strongKey(f: string, c: CertificateReport): CheckResult {
  const k = c.publicKey;
  const ok =
    (k.algorithm === 'RSA' && (k.size ?? 0) >= 2048) ||
    (k.algorithm === 'EC' && ['P-256', 'P-384', 'P-521'].includes(k.curve ?? ''));
  return result(
    `${f}: key size`,
    ok,
    ok
      ? `${f}: its key is ${keyText(c)}, strong enough`
      : `${f}: its key is ${keyText(c)}; use RSA of 2048 bits or more, or EC P-256 or larger (the CA/Browser Forum minimum, BR §6.1.5)`,
  );
}

function validNow(f: string, c: CertificateReport): CheckResult {
  const s = c.validity.status;
  const why =
    s === 'expired'
      ? `notAfter ${c.notAfter} has passed`
      : s === 'not yet valid'
        ? `notBefore ${c.notBefore} is in the future`
        : `valid from ${c.notBefore} to ${c.notAfter}`;
  return result(
    `${f}: validity`,
    s === 'valid',
    s === 'valid'
      ? `${f}: ${why}`
      : `${f}: not valid now: ${why} (validity, RFC 5280 §4.1.2.5): issue it again with dates that include now`,
  );
}

function keyMatch(f: string, keyName: string, der: Uint8Array, keys: PrivateKeyReport[]): CheckResult {
  const same = keyName === f;
  const name = same ? `${f}: private key matches` : `${keyName}: matches ${f}`;
  if (!keys.length) return result(name, false, `${keyName}: holds no private key`);
  if (keys.every((k) => k.encrypted && k.matchesCertificate === undefined))
    return result(
      name,
      false,
      `${keyName}: the key is encrypted and password.txt does not open it; write the key unencrypted or put its password in password.txt`,
    );
  // A key in the certificate's own file (a PFX) was matched when the file was read.
  const ok = same
    ? keys.some((k) => k.matchesCertificate === 0)
    : matchKeyToCertificates(keys, [der]).some((m) => m === 0);
  return result(
    name,
    ok,
    ok
      ? `${keyName}: its public key is the one in ${same ? "the certificate's" : `${f}'s`} subjectPublicKeyInfo`
      : `${keyName}: does not match ${f}: its public key is not the one in the certificate's subjectPublicKeyInfo (RFC 5280 §4.1.2.7), so whoever holds it cannot prove to be the certificate's subject; use the key the certificate was issued for`,
  );
}

/** Runs every expectation on the file's first certificate. */
export async function certChecks(
  f: string,
  src: CertSource,
  expect: CertExpect,
  ctx: { now: Date; readOther: ReadOther; key?: { name: string; keys: PrivateKeyReport[] } },
): Promise<CheckResult[]> {
  const c = src.report.certificates[0]!;
  const der = src.ders[0]!;
  const out: CheckResult[] = [];
  const e = expect;
  if (e.role && c.role !== e.role)
    out.push(
      result(
        `${f}: role`,
        false,
        `${f}: is a ${c.role}, not a ${e.role} (basicConstraints and self-signature, RFC 5280 §3.2, §4.2.1.9)`,
      ),
    );
  else if (e.role) out.push(result(`${f}: role`, true, `${f}: is a ${c.role}`));
  if (e.kind) {
    const ok = e.kind.includes(c.kind);
    out.push(
      result(
        `${f}: kind`,
        ok,
        ok
          ? `${f}: ${c.summary}`
          : `${f}: is a ${c.kind} certificate, the task asks for ${e.kind.join(' or ')}: ${c.summary}`,
      ),
    );
  }
  if (e.selfSigned !== undefined) {
    const ok = c.selfSigned === e.selfSigned;
    const why = !c.selfIssued
      ? `its issuer (${c.issuer.text}) is not its subject (${c.subject.text})`
      : 'its signature does not verify with its own key';
    out.push(
      result(
        `${f}: self-signed`,
        ok,
        ok
          ? `${f}: ${c.selfSigned ? 'self-signed: issuer = subject and the signature verifies with its own key' : 'issued by another CA'}`
          : c.selfSigned
            ? `${f}: is self-signed; it must be issued (signed) by the CA (RFC 5280 §3.2)`
            : `${f}: is not self-signed: ${why} (a root signs itself, RFC 5280 §3.2)`,
      ),
    );
  }
  if (e.cA !== undefined) {
    const has = c.basicConstraints?.cA === true;
    const ok = has === e.cA;
    out.push(
      result(
        `${f}: basicConstraints cA`,
        ok,
        ok
          ? `${f}: basicConstraints cA is ${has ? 'TRUE' : 'FALSE'}`
          : e.cA
            ? `${f}: basicConstraints cA is ${c.basicConstraints ? 'FALSE' : 'absent'}; a CA certificate needs cA TRUE, or OpenSSL refuses what it signs (RFC 5280 §4.2.1.9): add basicConstraints=critical,CA:TRUE`
            : `${f}: basicConstraints cA is TRUE; a certificate for a server or a user must not be a CA (RFC 5280 §4.2.1.9, BR §7.1.2.7.6): use CA:FALSE`,
      ),
    );
  }
  if (e.pathLen !== undefined) {
    const p = c.basicConstraints?.pathLenConstraint;
    const ok = p === e.pathLen;
    out.push(
      result(
        `${f}: pathLenConstraint`,
        ok,
        ok
          ? `${f}: pathLenConstraint is ${p}: no CA may follow it`
          : `${f}: basicConstraints pathLenConstraint is ${p ?? 'absent'}; the task asks for ${e.pathLen}, so that no further CA can be made below it (RFC 5280 §4.2.1.9): CA:TRUE,pathlen:${e.pathLen}`,
      ),
    );
  }
  for (const bit of e.keyUsage ?? []) {
    const ok = c.keyUsage?.bits.includes(bit) === true;
    const has = c.keyUsage
      ? `keyUsage has ${c.keyUsage.bits.join(', ') || 'no bit'}`
      : 'it has no keyUsage extension';
    out.push(
      result(
        `${f}: keyUsage ${bit}`,
        ok,
        ok
          ? `${f}: keyUsage has ${bit}`
          : `${f}: ${has}, not ${bit}; ${bit === 'keyCertSign' ? 'a CA key signs certificates only with keyCertSign (RFC 5280 §4.2.1.3)' : 'RFC 5280 §4.2.1.3'}: add keyUsage=${bit}`,
      ),
    );
  }
  for (const p of e.usableFor ?? [])
    out.push(
      result(
        `${f}: usable for ${p}`,
        c.purposes[p],
        `${f}: ${c.purposes[p] ? '' : `not usable for ${p}: `}${strip(c.purposeReasons[p])}`,
      ),
    );
  for (const p of e.notUsableFor ?? [])
    out.push(
      result(
        `${f}: not usable for ${p}`,
        !c.purposes[p],
        c.purposes[p]
          ? `${f}: it is also usable for ${p} (${strip(c.purposeReasons[p])}); the task wants it not to be: leave ${p} out of its EKU (RFC 5280 §4.2.1.12)`
          : `${f}: not usable for ${p}: ${strip(c.purposeReasons[p])}`,
      ),
    );
  if (e.san) out.push(sanCheck(f, c, e.san));
  for (const n of e.names ?? []) {
    const ok = c.subject.commonName === n || c.subjectAltName.some((s) => s.value === n);
    out.push(
      result(
        `${f}: for ${n}`,
        ok,
        ok
          ? `${f}: is for ${n}`
          : `${f}: neither its subject CN (${c.subject.commonName ?? 'none'}) nor its subjectAltName names ${n} (subject, RFC 5280 §4.1.2.6): use CN=${n}`,
      ),
    );
  }
  if (e.strongKey) out.push(strongKey(f, c));
  if (e.validNow) out.push(validNow(f, c));
  if (e.keyMatches) {
    const k = ctx.key ?? (src.keys.length ? { name: src.shown, keys: src.keys } : undefined);
    out.push(
      k
        ? keyMatch(f, k.name, der, k.keys)
        : result(`${f}: private key`, false, `${f}: no private key was given with it`),
    );
  }
  out.push(...(await relationChecks(f, src, e, ctx)));
  return out;
}
