/**
 * RFC 5280 §6.1 path validation with OpenSSL 3.0's `openssl verify` as the reference
 * (crypto/x509/x509_vfy.c verify_chain): build the chain (build_chain), then check_extensions,
 * check_id, internal_verify and check_name_constraints, in that order, so the first failure here
 * is the error OpenSSL reports first. Every check is kept, passed or failed, with its depth.
 */

import { parseCrl } from '../crl.js';
import { PkiError } from '../errors.js';
import { x509CheckCa } from '../openssl.js';
import { checkSignedBy, signedBy } from '../signature.js';
import { buildChain } from './build.js';
import {
  explicitCurve,
  label,
  opensslTime,
  rfcTime,
  type VCert,
  vcert,
  weakDigest,
  weakKey,
} from './cert.js';
import { OPENSSL_ERRORS, type OpenSslErrorCode } from './errors.js';
import { checkIdentity } from './identity.js';
import { caMessage, ncMessage, trustFailure } from './messages.js';
import {
  checkCommonNames,
  checkNameConstraints,
  type NcViolation,
  nameConstraintsOf,
} from './name-constraints.js';
import { purposeOk } from './purpose.js';
import { checkRevocation } from './revocation.js';
import type { VerifyCheck, VerifyInput, VerifyResult } from './types.js';

export { PURPOSE_ALIASES } from './purpose.js';
export type * from './types.js';

/** Validates `input.leaf`; throws PkiError only when a certificate cannot be read at all. */
export async function verifyPath(input: VerifyInput): Promise<VerifyResult> {
  const { at } = input;
  const leaf = vcert(input.leaf, 'leaf', 0, at);
  const unreadable: string[] = [];
  const readable = (ders: Uint8Array[], source: 'untrusted' | 'trusted') =>
    ders.flatMap((d, i) => {
      try {
        return [vcert(d, source, i, at)];
      } catch (e) {
        if (!(e instanceof PkiError)) throw e;
        unreadable.push(`${source} certificate ${i + 1} cannot be read (${e.message}), so it was left out`);
        return [];
      }
    });
  const untrusted = readable(input.untrusted, 'untrusted');
  const trusted = readable(input.trusted, 'trusted');
  const built = buildChain(leaf, untrusted, trusted);
  const chain = built.chain;
  const n = chain.length;
  // The signatures internal_verify checks, in the thread pool at once.
  await Promise.all(chain.slice(0, -1).map((c, i) => checkSignedBy(c.cert, chain[i + 1]!.cert)));

  const checks: VerifyCheck[] = [];
  const warnings: string[] = [...unreadable];
  const add = (
    depth: number,
    check: VerifyCheck['check'],
    ok: boolean,
    message: string,
    code?: OpenSslErrorCode,
  ) => {
    const c: VerifyCheck = { depth, check, ok, message };
    if (!ok && code !== undefined) c.error = { code, depth, text: OPENSSL_ERRORS[code] };
    checks.push(c);
  };
  // A root is a self-signed top; a top that is not self-signed (its issuer missing) is an intermediate.
  const role = (d: number) =>
    d === 0 ? 'the leaf' : d === n - 1 && chain[d]!.selfSigned ? 'the root' : 'the intermediate';
  const who = (d: number) => `${role(d)} ${label(chain[d]!)}`;

  // X509_verify_cert: the leaf key against security level 1 (a TLS client's default).
  const leafWeak = weakKey(leaf.key);
  if (leafWeak)
    warnings.push(
      `the leaf's key is ${leafWeak}: openssl verify passes it, but a TLS client at OpenSSL's default security level 1 refuses it (error 66: ${OPENSSL_ERRORS[66]})`,
    );

  // build_chain
  for (let d = 0; d < n - 1; d++)
    add(
      d,
      'issuer',
      true,
      `${who(d)} is issued by ${label(chain[d + 1]!)} (${chain[d + 1]!.source === 'trusted' ? 'from the trust store' : 'given as untrusted'})`,
    );
  if (built.failure) {
    const { code, depth } = built.failure;
    const x = chain[depth]!;
    const why = trustFailure(code, x);
    add(depth, 'trust', false, why, code);
  } else {
    add(
      n - 1,
      'trust',
      true,
      `the chain ends at ${label(chain[n - 1]!)}, a self-signed certificate in the trust store`,
    );
  }

  // check_extensions
  let plen = 0;
  for (let i = 0; i < n; i++) {
    const x = chain[i]!;
    const crit = x.unknownCritical;
    add(
      i,
      'critical-extensions',
      crit.length === 0,
      crit.length
        ? `${who(i)} has a critical extension OpenSSL does not process (${crit.join(', ')}): RFC 5280 §4.2 says reject it`
        : `${who(i)} has no unknown critical extension`,
      34,
    );
    if (i > 0) {
      const ca = x509CheckCa(x.osl);
      const ok = ca !== 0 && (i + 1 >= n || ca === 1);
      add(i, 'ca', ok, caMessage(ca, ok, who(i), x.ext.invalid[0]), 79);
    }
    if (n > 1 && explicitCurve(x.cert))
      add(
        i,
        'explicit-curve',
        false,
        `${who(i)} has an EC key with explicit curve parameters instead of a named curve (RFC 5480 §2.1.1 allows only named curves)`,
        94,
      );
    if (input.purpose) {
      const p = purposeOk(x, input.purpose, i > 0);
      add(
        i,
        'purpose',
        p.ok,
        `${who(i)} ${p.ok ? 'allows' : 'does not allow'} ${input.purpose} (OpenSSL's "${p.row}" check)`,
        26,
      );
    }
    const pathLen = x.ext.basicConstraints?.cA ? x.ext.basicConstraints.pathLen : undefined;
    if (i > 0 && pathLen !== undefined) {
      const ok = i <= 1 || plen <= pathLen;
      add(
        i,
        'path-length',
        ok,
        `${who(i)} allows ${pathLen} intermediate CA${pathLen === 1 ? '' : 's'} below it (pathLenConstraint) and has ${plen} (RFC 5280 §4.2.1.9)`,
        25,
      );
    }
    if (i > 0 && !x.selfIssued) plen++;
  }

  // check_auth_level: what a TLS client at security level 1 adds (openssl verify does not).
  for (let i = 1; i < n; i++) {
    const w = weakKey(chain[i]!.key);
    if (w)
      warnings.push(
        `${who(i)}'s key is ${w}: a TLS client at security level 1 refuses it (error 67: ${OPENSSL_ERRORS[67]})`,
      );
  }
  for (let i = 0; i < n - 1; i++) {
    const w = weakDigest(chain[i]!.cert);
    if (w)
      warnings.push(
        `${who(i)} is signed with ${w}: openssl verify passes it, but a TLS client at OpenSSL 3.0's security level 1 refuses it (error 68: ${OPENSSL_ERRORS[68]})`,
      );
  }

  // check_id
  const ids: [kind: 'host' | 'email' | 'ip', value: string | undefined, code: OpenSslErrorCode][] = [
    ['host', input.host, 62],
    ['email', input.email, 63],
    ['ip', input.ip, 64],
  ];
  for (const [kind, value, code] of ids) {
    if (value === undefined) continue;
    const r = checkIdentity(leaf.cert, kind, value);
    const looked = r.looked.length ? r.looked.join(', ') : 'no name of that kind';
    add(
      0,
      'identity',
      r.ok,
      r.ok
        ? `the leaf is for ${value} (${r.matched})`
        : `the leaf is not for ${value}: it names ${looked} (RFC 6125 §6.4, RFC 9525 §6.3)`,
      code,
    );
  }

  // check_revocation (-crl_check: the leaf; -crl_check_all: every certificate), before the signatures.
  if (input.crls) {
    // Loaded only when CRLs are given: a plain verify does not pay for the CRL reader.
    const [{ parseCrl }, { checkRevocation }] = await Promise.all([
      import('../crl.js'),
      import('./revocation.js'),
    ]);
    const crls = input.crls.map((d) => parseCrl(d));
    const last = input.crlCheckAll ? n - 1 : 0;
    for (let i = 0; i <= last && i < n; i++) {
      const r = checkRevocation(chain, i, crls, at);
      add(i, 'revocation', r.ok, `${who(i)}: ${r.message}`, r.code);
    }
  }

  // internal_verify, from the top down
  let k = n - 1;
  let issuer = chain[k]!;
  let subject = issuer;
  if (!(issuer.selfIssued && issuer.selfSigned)) subject = chain[--k]!;
  for (; k >= 0; k--) {
    subject = chain[k]!;
    if (subject !== issuer) {
      const ku = issuer.ext.keyUsage;
      if (ku && !ku.bits.includes('keyCertSign'))
        add(
          k + 1,
          'key-usage',
          false,
          `${who(k + 1)} has keyUsage without keyCertSign, so it may not sign certificates (RFC 5280 §4.2.1.3)`,
          32,
        );
      const sig = signedBy(subject.cert, issuer.cert);
      add(
        k,
        'signature',
        sig,
        sig
          ? `the signature on ${who(k)} verifies with the key of ${label(issuer)}`
          : `the signature on ${who(k)} does not verify with the key of ${label(issuer)}`,
        7,
      );
    }
    timeCheck(subject, k);
    issuer = subject;
  }
  function timeCheck(x: VCert, d: number) {
    const t = opensslTime(x.cert, at);
    const rfc = rfcTime(x.cert, at);
    const code = ({ expired: 10, 'not yet valid': 9, 'bad notBefore': 13, 'bad notAfter': 14 } as const)[
      t as 'expired'
    ];
    const span = `${x.cert.notBefore} to ${x.cert.notAfter}`;
    const msg =
      t === 'valid'
        ? `${who(d)} is valid at ${at.toISOString()} (${span})`
        : t === 'expired'
          ? `${who(d)} has expired: notAfter ${x.cert.notAfter} is not after ${at.toISOString()}`
          : t === 'not yet valid'
            ? `${who(d)} is not yet valid: notBefore ${x.cert.notBefore} is after ${at.toISOString()}`
            : `${who(d)} has a validity date OpenSSL cannot read (${t})`;
    add(d, 'validity', t === 'valid', msg, code);
    if (t === 'expired' && rfc === 'valid')
      warnings.push(
        `${who(d)}: at exactly notAfter (${x.cert.notAfter}) RFC 5280 §4.1.2.5 still counts it valid (the period is inclusive), but OpenSSL reports error 10 (certificate has expired)`,
      );
  }

  // check_name_constraints
  for (let i = n - 1; i >= 0; i--) {
    const x = chain[i]!;
    if (i !== 0 && x.selfIssued) continue;
    for (let j = n - 1; j > i; j--) {
      const nc = nameConstraintsOf(chain[j]!.cert);
      if (!nc) continue;
      let v: NcViolation | null = checkNameConstraints(x.cert, nc);
      const hasDnsSan = x.ext.subjectAltName?.some((s) => s.type === 'dns') ?? false;
      if (!v && i === 0 && !hasDnsSan) v = checkCommonNames(x.cert, nc);
      add(
        i,
        'name-constraints',
        !v,
        v
          ? ncMessage(v, who(i), who(j))
          : `the names of ${who(i)} are within the name constraints of ${label(chain[j]!)} (RFC 5280 §4.2.1.10)`,
        v?.code,
      );
    }
  }

  const first = checks.find((c) => !c.ok && c.error);
  return {
    valid: !first,
    error: first?.error ?? null,
    chain: chain.map((c, depth) => ({
      depth,
      subject: c.cert.subject.text,
      issuer: c.cert.issuer.text,
      source: c.source,
      notBefore: c.cert.notBefore,
      notAfter: c.cert.notAfter,
    })),
    checks,
    warnings,
  };
}
