import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { describeCertificate } from '../../src/pki/index.js';
import type { ExtensionInfo } from '../../src/pki/types.js';
import { corpusCerts } from './oracle-corpus.js';

/**
 * The decoded extension values against `openssl x509 -noout -text` (OpenSSL 3.0) on the zlint
 * corpus: AIA, CRL distribution points, key identifiers, policies, name constraints, SCTs, TLS
 * Feature, inhibitAnyPolicy and policyConstraints.
 */
const root = packageRoot();
const corpus = corpusCerts(root, join(root, '../shared/corpus/zlint'), (f) => f.endsWith('.pem'));
const NOW = new Date('2026-11-26T12:00:00Z');

const HEADERS: Record<string, string> = {
  authorityInfoAccess: 'Authority Information Access:',
  cRLDistributionPoints: 'X509v3 CRL Distribution Points:',
  subjectKeyIdentifier: 'X509v3 Subject Key Identifier:',
  authorityKeyIdentifier: 'X509v3 Authority Key Identifier:',
  certificatePolicies: 'X509v3 Certificate Policies:',
  nameConstraints: 'X509v3 Name Constraints:',
  ctSignedCertificateTimestamps: 'CT Precertificate SCTs:',
  tlsFeature: 'TLS Feature:',
  inhibitAnyPolicy: 'X509v3 Inhibit Any Policy:',
  policyConstraints: 'X509v3 Policy Constraints:',
};

/** The lines of one extension in openssl's text: those indented deeper than its header. */
function section(text: string, header: string): string[] | null {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.trim().startsWith(header));
  if (i < 0) return null;
  const indent = lines[i]!.search(/\S/);
  const out: string[] = [];
  for (const l of lines.slice(i + 1)) {
    if (l.trim() && l.search(/\S/) <= indent) break;
    out.push(l.trim());
  }
  return out;
}

const HEX = /[0-9A-F]{2}(?::[0-9A-F]{2})+/g;
const v = (e: ExtensionInfo) => e.value as Record<string, unknown>;
const num = (x: unknown) => (x === undefined ? undefined : String(x));

/** Compares one extension; returns a problem, or null. */
function compare(e: ExtensionInfo, s: string[]): string | null {
  const joined = s.join('\n');
  switch (e.name) {
    case 'authorityInfoAccess': {
      const theirs = s.filter((l) => /^(OCSP|CA Issuers) - /.test(l));
      const ours = (e.lines ?? []).filter((l) => /^(OCSP|CA Issuers) - /.test(l));
      return JSON.stringify(theirs) === JSON.stringify(ours) ? null : `${theirs} vs ${ours}`;
    }
    case 'cRLDistributionPoints': {
      const theirs = s.filter((l) => l.startsWith('URI:')).map((l) => l.slice(4));
      return JSON.stringify(theirs) === JSON.stringify(v(e).uris) ? null : `${theirs} vs ${v(e).uris}`;
    }
    case 'subjectKeyIdentifier':
      return s[0] === v(e).keyId ? null : `${s[0]} vs ${v(e).keyId}`;
    case 'authorityKeyIdentifier': {
      const theirs = (joined.match(HEX) ?? [])[0];
      return !v(e).keyId || theirs === v(e).keyId ? null : `${theirs} vs ${v(e).keyId}`;
    }
    case 'certificatePolicies': {
      const policies = v(e).policies as { cps: string[] }[];
      const cps = s.filter((l) => l.startsWith('CPS: ')).map((l) => l.slice(5));
      const count = s.filter((l) => l.startsWith('Policy: ')).length;
      const ours = policies.flatMap((p) => p.cps);
      return count === policies.length && JSON.stringify(cps) === JSON.stringify(ours)
        ? null
        : `${count}/${cps} vs ${policies.length}/${ours}`;
    }
    case 'nameConstraints': {
      const simple = (l: string) => /^(DNS|email|URI|IP):/.test(l);
      const list = (which: string) => {
        const start = s.indexOf(`${which}:`);
        if (start < 0) return [];
        const out: string[] = [];
        for (const l of s.slice(start + 1)) {
          if (l === 'Permitted:' || l === 'Excluded:') break;
          out.push(l);
        }
        return out.filter(simple);
      };
      const ok = ['Permitted', 'Excluded'].every(
        (w) => JSON.stringify(list(w)) === JSON.stringify((v(e)[w.toLowerCase()] as string[]).filter(simple)),
      );
      return ok ? null : `${joined} vs ${JSON.stringify(e.value)}`;
    }
    case 'ctSignedCertificateTimestamps': {
      const scts = v(e).scts as { logId: string; timestamp: string }[];
      const count = s.filter((l) => l.startsWith('Signed Certificate Timestamp:')).length;
      const ids = joined
        .split('Log ID    :')
        .slice(1)
        .map((p) => (p.split('Timestamp')[0]!.match(HEX) ?? []).join(':'));
      const ours = scts.map((x) =>
        Buffer.from(x.logId, 'base64').toString('hex').toUpperCase().match(/../g)!.join(':'),
      );
      const times = s
        .filter((l) => l.startsWith('Timestamp :'))
        .map((l) => new Date(l.slice(12).replace(/\.(\d+) /, ' ')).getTime());
      const ourTimes = scts.map((x) => Math.floor(Date.parse(x.timestamp) / 1000) * 1000);
      const ok =
        count === scts.length &&
        JSON.stringify(ids) === JSON.stringify(ours) &&
        JSON.stringify(times) === JSON.stringify(ourTimes);
      return ok ? null : `${count} ${ids} ${times} vs ${scts.length} ${ours} ${ourTimes}`;
    }
    case 'tlsFeature':
      return JSON.stringify(s.filter(Boolean)) === JSON.stringify(v(e).names)
        ? null
        : `${s} vs ${v(e).names}`;
    case 'inhibitAnyPolicy':
      return s[0] === String(v(e).skipCerts) ? null : `${s[0]} vs ${v(e).skipCerts}`;
    case 'policyConstraints': {
      const n = (k: string) => joined.match(new RegExp(`${k}:(\\d+)`))?.[1];
      const ok =
        n('Require Explicit Policy') === num(v(e).requireExplicitPolicy) &&
        n('Inhibit Policy Mapping') === num(v(e).inhibitPolicyMapping);
      return ok ? null : `${joined} vs ${JSON.stringify(e.value)}`;
    }
    default:
      return null;
  }
}

describe('decoded extension values agree with openssl x509 -text', () => {
  it('on every zlint certificate with these extensions (up to 40 of each)', async () => {
    const perName: Record<string, number> = {};
    const problems: string[] = [];
    for (const c of corpus) {
      const der = Buffer.from(
        Buffer.from(c.input)
          .toString('latin1')
          .replace(/-----[^-]+-----/g, '')
          .replace(/\s+/g, ''),
        'base64',
      );
      let exts: ExtensionInfo[];
      try {
        exts = (await describeCertificate(new Uint8Array(der), NOW)).extensions;
      } catch {
        continue;
      }
      const wanted = exts.filter(
        (e) => e.value && !('error' in e.value) && HEADERS[e.name] && (perName[e.name] ?? 0) < 40,
      );
      if (!wanted.length) continue;
      const r = spawnSync('openssl', ['x509', '-noout', '-text'], { input: c.input, encoding: 'utf8' });
      if (r.status !== 0) continue;
      for (const e of wanted) {
        const s = section(r.stdout, HEADERS[e.name]!);
        if (!s) continue;
        perName[e.name] = (perName[e.name] ?? 0) + 1;
        const p = compare(e, s);
        if (p) problems.push(`${c.id} ${e.name}: ${p}`);
      }
    }
    expect(problems).toEqual([]);
    for (const name of [
      'authorityInfoAccess',
      'cRLDistributionPoints',
      'subjectKeyIdentifier',
      'authorityKeyIdentifier',
      'certificatePolicies',
      'nameConstraints',
      'ctSignedCertificateTimestamps',
    ])
      expect(perName[name], name).toBeGreaterThan(3);
  }, 60_000);
});
