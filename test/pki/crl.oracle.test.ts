/**
 * The CRL reader against `openssl crl -noout -text` (OpenSSL 3.0) on every CRL of the zlint corpus
 * and on the teaching CRLs: issuer, dates, revoked serials with their reasons, and the CRL number.
 * The oracle's text is parsed here; the expected values come from OpenSSL, not from the engine.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { parseCertificate } from '../../src/pki/cert-parse.js';
import { CRL_REASONS, crlSignedBy, crlStatus, parseCrl, revocationOf } from '../../src/pki/crl.js';
import { pemBlocks } from '../../src/pki/pem.js';
import { verifyPath } from '../../src/pki/verify/index.js';

const zlint = join(packageRoot(), '../shared/corpus/zlint');

/** OpenSSL's words for each reason code (crypto/x509/v3_enum.c crl_reasons). */
const OPENSSL_REASON: Record<string, string> = {
  unspecified: 'Unspecified',
  keyCompromise: 'Key Compromise',
  cACompromise: 'CA Compromise',
  affiliationChanged: 'Affiliation Changed',
  superseded: 'Superseded',
  cessationOfOperation: 'Cessation Of Operation',
  certificateHold: 'Certificate Hold',
  removeFromCRL: 'Remove From CRL',
  privilegeWithdrawn: 'Privilege Withdrawn',
  aACompromise: 'AA Compromise',
};

interface Oracle {
  lastUpdate: number;
  nextUpdate: number | null;
  entries: { serial: string; reason?: string }[];
  crlNumber?: string;
}

const stripZeros = (h: string) => h.replace(/^0+(?=.)/, '').toUpperCase();

/** What `openssl crl -text` says, or null when OpenSSL cannot read the CRL. */
function oracle(pem: string): Oracle | null {
  const r = spawnSync('openssl', ['crl', '-noout', '-text'], { input: pem, encoding: 'utf8' });
  if (r.status !== 0) return null;
  const text = r.stdout;
  // "Oct 24 12:44:07 2024 GMT"; the year may be 1 (ASN1_TIME_print), which Date.parse reads as 2001.
  const date = (label: string) => {
    const m = text.match(new RegExp(`${label}: (\\w{3}) +(\\d+) (\\d\\d):(\\d\\d):(\\d\\d) (\\d+) GMT`));
    if (!m) return null;
    const month = 'JanFebMarAprMayJunJulAugSepOctNovDec'.indexOf(m[1]!) / 3;
    const d = new Date(Date.UTC(2000, month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])));
    d.setUTCFullYear(Number(m[6]));
    return d.getTime();
  };
  const entries: Oracle['entries'] = [];
  const revoked = text.split('Revoked Certificates:')[1]?.split(/\n {4}Signature Algorithm/)[0] ?? '';
  for (const part of revoked.split(/\n {4}Serial Number: /).slice(1)) {
    const serial = stripZeros(part.split('\n')[0]!.trim());
    const reason = part.match(/CRL Reason Code:(?: critical)? *\n\s+(.+)/)?.[1]?.trim();
    entries.push(reason ? { serial, reason } : { serial });
  }
  const num = text.match(/CRL Number:(?: critical)? *\n\s+(\S+)/)?.[1];
  const crlNumber =
    num === undefined ? undefined : /^-?0x/.test(num) ? BigInt(num.replace('-0x', '-0x')).toString() : num;
  return {
    lastUpdate: date('Last Update')!,
    nextUpdate: date('Next Update'),
    entries,
    ...(crlNumber ? { crlNumber } : {}),
  };
}

function crlPems(): { name: string; pem: string }[] {
  const out: { name: string; pem: string }[] = [];
  for (const name of readdirSync(zlint)
    .filter((f) => f.endsWith('.pem'))
    .sort()) {
    const text = readFileSync(join(zlint, name), 'latin1');
    const m = text.match(/-----BEGIN X509 CRL-----[\s\S]*?-----END X509 CRL-----/);
    if (m) out.push({ name, pem: `${m[0]}\n` });
  }
  return out;
}

describe('the CRL reader agrees with openssl crl -text', () => {
  it('on every CRL of the zlint corpus that OpenSSL reads', () => {
    const pems = crlPems();
    expect(pems.length).toBeGreaterThanOrEqual(60);
    const disagreements: string[] = [];
    let compared = 0;
    for (const { name, pem } of pems) {
      const o = oracle(pem);
      if (!o) continue;
      const der = pemBlocks(pem)[0]!.der!;
      let crl: ReturnType<typeof parseCrl>;
      try {
        crl = parseCrl(der);
      } catch (e) {
        disagreements.push(`${name}: OpenSSL reads it, we do not: ${(e as Error).message}`);
        continue;
      }
      compared++;
      const mine = {
        lastUpdate: crl.thisUpdateDate?.getTime(),
        nextUpdate: crl.nextUpdateDate?.getTime() ?? null,
        entries: crl.entries.map((e) => ({
          serial: stripZeros(e.serial),
          ...(e.reason ? { reason: OPENSSL_REASON[e.reason] ?? e.reason } : {}),
        })),
        ...(crl.crlNumber ? { crlNumber: crl.crlNumber } : {}),
      };
      const expected = { ...o, lastUpdate: o.lastUpdate };
      if (JSON.stringify(mine) !== JSON.stringify(expected))
        disagreements.push(`${name}: ${JSON.stringify(mine)} vs openssl ${JSON.stringify(expected)}`);
    }
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(50);
  });

  it('names every RFC 5280 reason code OpenSSL names', () => {
    expect(Object.values(CRL_REASONS).sort()).toEqual(Object.keys(OPENSSL_REASON).sort());
  });
});

describe('the teaching CRL (lessons/fixtures/revocation)', () => {
  const rev = join(packageRoot(), 'lessons', 'fixtures', 'revocation');
  const fx = join(packageRoot(), 'fixtures');
  const crlPem = readFileSync(join(rev, 'intermediate-ca.crl'), 'latin1');
  const crl = parseCrl(pemBlocks(crlPem)[0]!.der!);
  const cert = (p: string) => parseCertificate(pemBlocks(readFileSync(p, 'latin1'))[0]!.der!);
  /** `openssl verify -crl_check` at the course clock: 0 for OK, else the error number. */
  const opensslVerify = (leaf: string) => {
    const r = spawnSync(
      'openssl',
      ['verify', '-no-CApath', '-crl_check', '-attime', String(Date.parse('2026-11-26T12:00:00Z') / 1000)]
        .concat(['-CAfile', join(fx, 'ca/root-ca.pem'), '-untrusted', join(fx, 'ca/intermediate-ca.pem')])
        .concat(['-CRLfile', join(rev, 'intermediate-ca.crl'), leaf]),
      { encoding: 'utf8' },
    );
    if (r.status === 0) return 0;
    return Number(`${r.stdout}${r.stderr}`.match(/error (\d+) at/)?.[1] ?? -1);
  };

  it('reads as openssl crl -text reads it', () => {
    const o = oracle(crlPem)!;
    expect(crl.thisUpdateDate?.getTime()).toBe(o.lastUpdate);
    expect(crl.nextUpdateDate?.getTime()).toBe(o.nextUpdate);
    expect(
      crl.entries.map((e) => ({ serial: stripZeros(e.serial), reason: OPENSSL_REASON[e.reason!] })),
    ).toEqual(o.entries);
    expect(crl.crlNumber).toBe(o.crlNumber);
  });

  it('revokes what openssl verify -crl_check refuses with error 23, and nothing else', () => {
    const revoked = join(rev, 'revoked-client.pem');
    const fine = join(fx, 'leaf/client.pem');
    expect(opensslVerify(revoked)).toBe(23);
    expect(revocationOf(cert(revoked), crl)?.reason).toBe('keyCompromise');
    expect(opensslVerify(fine)).toBe(0);
    expect(revocationOf(cert(fine), crl)).toBeNull();
  });

  it('is signed by the intermediate, not by the root, and current at the course clock', () => {
    expect(crlSignedBy(crl, cert(join(fx, 'ca/intermediate-ca.pem')))).toBe(true);
    expect(crlSignedBy(crl, cert(join(fx, 'ca/root-ca.pem')))).toBe(false);
    expect(crlStatus(crl, new Date('2026-11-26T12:00:00Z'))).toBe('current');
    expect(crlStatus(crl, new Date('2037-01-01T00:00:00Z'))).toBe('expired');
  });

  it('a damaged CRL is one typed line, never an exception', () => {
    const der = pemBlocks(crlPem)[0]!.der!;
    for (const cut of [0, 1, 10, 100, der.length - 1])
      expect(() => parseCrl(der.subarray(0, cut))).toThrow(/not a valid CRL/);
  });
});

describe('verify with CRLs agrees with openssl verify -crl_check / -crl_check_all', () => {
  const rev = join(packageRoot(), 'lessons', 'fixtures', 'revocation');
  const fx = join(packageRoot(), 'fixtures');
  const der = (p: string) => pemBlocks(readFileSync(p, 'latin1'))[0]!.der!;
  const INT = join(fx, 'ca/intermediate-ca.pem');
  const ROOT = join(fx, 'ca/root-ca.pem');
  const CRL_INT = join(rev, 'intermediate-ca.crl');
  const CRL_ROOT = join(rev, 'root-ca.crl');
  const openssl = (leaf: string, crls: string[], all: boolean, at: Date) => {
    const args = [
      'verify',
      '-no-CApath',
      all ? '-crl_check_all' : '-crl_check',
      '-attime',
      String(at.getTime() / 1000),
    ];
    args.push('-CAfile', ROOT, '-untrusted', INT, ...crls.flatMap((c) => ['-CRLfile', c]), leaf);
    const r = spawnSync('openssl', args, { encoding: 'utf8' });
    if (r.status === 0) return 'OK';
    const m = `${r.stdout}${r.stderr}`.match(/error (\d+) at (\d+) depth/);
    return m ? `error ${m[1]} at ${m[2]}` : 'unknown';
  };
  const mine = async (leaf: string, crls: string[], all: boolean, at: Date) => {
    const r = await verifyPath({
      leaf: der(leaf),
      untrusted: [der(INT)],
      trusted: [der(ROOT)],
      at,
      crls: crls.map(der),
      crlCheckAll: all,
    });
    return r.valid ? 'OK' : `error ${r.error?.code} at ${r.error?.depth}`;
  };
  const clock = new Date('2026-11-26T12:00:00Z');
  const cases: [string, string, string[], boolean, Date][] = [
    ['a revoked leaf', join(rev, 'revoked-client.pem'), [CRL_INT], false, clock],
    ['a leaf not on the CRL', join(fx, 'leaf/client.pem'), [CRL_INT], false, clock],
    ['every link, the root CRL missing', join(fx, 'leaf/client.pem'), [CRL_INT], true, clock],
    ['every link, both CRLs', join(fx, 'leaf/client.pem'), [CRL_INT, CRL_ROOT], true, clock],
    ['only a CRL of another issuer', join(rev, 'revoked-client.pem'), [CRL_ROOT], false, clock],
    [
      'the CRL past its nextUpdate',
      join(fx, 'leaf/client.pem'),
      [CRL_INT],
      false,
      new Date('2037-06-01T00:00:00Z'),
    ],
    [
      'the CRL before its thisUpdate',
      join(fx, 'leaf/client.pem'),
      [CRL_INT],
      false,
      new Date('2026-06-01T00:00:00Z'),
    ],
  ];
  it.each(cases)('%s: the same verdict and first error', async (_what, leaf, crls, all, at) => {
    expect(await mine(leaf, crls, all, at)).toBe(openssl(leaf, crls, all, at));
  });
});
