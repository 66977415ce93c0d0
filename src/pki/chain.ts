import { type ParsedCert, parsedCertificate } from './cert-parse.js';
import { validityAt } from './describe.js';
import { type DecodedExtensions, decodedExtensions } from './extensions.js';
import { pickIssuer } from './issuer-choice.js';
import { notLikelyIssued } from './likely-issued.js';
import { checkSignedBy, signedBy } from './signature.js';
import type { ChainLink, ChainReport } from './types.js';

interface Node {
  index: number;
  cert: ParsedCert;
  ext: DecodedExtensions;
  cA: boolean;
  /**
   * Accepted by OpenSSL 3.0 as the self-signed top of a chain (check_chain: X509_check_ca != 0 for
   * the trust anchor): cA TRUE, or no basicConstraints but keyUsage keyCertSign, or a v1 certificate.
   */
  anchorCA: boolean;
  keyCertSign: boolean;
  datesValid: boolean;
}

const signs = (issuer: Node, child: Node) => signedBy(child.cert, issuer.cert);

function name(n: Node): string {
  return n.cert.subject.text || '(empty subject)';
}

function link(child: Node, parent: Node | null, isTop = false, rejected?: string): ChainLink {
  const problems: string[] = [];
  if (!parent) {
    problems.push(
      rejected
        ? `the issuer of ${name(child)} (${child.cert.issuer.text}) is given, but OpenSSL would not take it as the issuer: ${rejected}`
        : `the issuer of ${name(child)} (${child.cert.issuer.text}) was not given`,
    );
    return {
      child: child.index,
      parent: null,
      issuerNameMatches: false,
      signatureValid: false,
      issuerIsCA: false,
      issuerHasKeyCertSign: false,
      datesValid: child.datesValid,
      problems,
    };
  }
  const issuerNameMatches = child.cert.issuer.canonical === parent.cert.subject.canonical;
  const signatureValid = signs(parent, child);
  const datesValid = child.datesValid && parent.datesValid;
  if (!issuerNameMatches)
    problems.push(`the issuer name of ${name(child)} is not the subject of ${name(parent)}`);
  if (!signatureValid)
    problems.push(`the signature on ${name(child)} does not verify with the key of ${name(parent)}`);
  // A self-signed top is a trust anchor: OpenSSL takes it without basicConstraints when keyUsage
  // has keyCertSign or it is v1 (docs/pki-rules.md §2.5); an intermediate needs cA TRUE.
  const issuerIsCA = parent.cA || (isTop && parent.anchorCA);
  if (!issuerIsCA)
    problems.push(`${name(parent)} is not a CA (basicConstraints cA is not TRUE): RFC 5280 §4.2.1.9`);
  if (!parent.keyCertSign)
    problems.push(`${name(parent)} has keyUsage without keyCertSign: RFC 5280 §4.2.1.3`);
  if (!child.datesValid) problems.push(`${name(child)} is outside its validity period`);
  if (parent !== child && !parent.datesValid) problems.push(`${name(parent)} is outside its validity period`);
  return {
    child: child.index,
    parent: parent.index,
    issuerNameMatches,
    signatureValid,
    issuerIsCA,
    issuerHasKeyCertSign: parent.keyCertSign,
    datesValid,
    problems,
  };
}

/**
 * Starts, in the thread pool, the signature checks buildChains makes on these certificates: each
 * self-issued one against itself, each other one against every certificate named as its issuer.
 * Resolves when all are known (signedBy then answers from its cache).
 */
export function checkChainSignatures(certs: ParsedCert[]): Promise<boolean[]> {
  const bySubject = new Map<string, ParsedCert[]>();
  for (const c of certs) {
    const same = bySubject.get(c.subject.canonical);
    if (same) same.push(c);
    else bySubject.set(c.subject.canonical, [c]);
  }
  const checks: Promise<boolean>[] = [];
  for (const n of certs) {
    if (n.issuer.canonical === n.subject.canonical) checks.push(checkSignedBy(n, n));
    else for (const p of bySubject.get(n.issuer.canonical) ?? []) checks.push(checkSignedBy(n, p));
  }
  return Promise.all(checks);
}

/**
 * Orders the given DER certificates leaf → root and checks each link at `now`: issuer name,
 * signature (really verified), issuer cA, issuer keyCertSign, dates. Every certificate appears
 * in at least one chain; a chain is complete when it ends at a self-signed certificate.
 * Indexes refer to positions in `certs`; certificates that cannot be parsed are left out.
 */
export async function buildChains(certs: Uint8Array[], now: Date): Promise<ChainReport[]> {
  const nodes: Node[] = [];
  certs.forEach((der, index) => {
    try {
      const cert = parsedCertificate(der);
      const ext = decodedExtensions(cert);
      nodes.push({
        index,
        cert,
        ext,
        cA: ext.basicConstraints?.cA === true,
        anchorCA: ext.basicConstraints
          ? ext.basicConstraints.cA
          : ext.keyUsage?.bits.includes('keyCertSign') === true || cert.version === 0,
        keyCertSign: !ext.keyUsage || ext.keyUsage.bits.includes('keyCertSign'),
        datesValid: validityAt(cert.notBeforeDate, cert.notAfterDate, now) === 'valid',
      });
    } catch {
      // unreadable certificates are reported by the describer, not chained
    }
  });
  await checkChainSignatures(nodes.map((n) => n.cert));
  const selfSigned = new Map<Node, boolean>();
  for (const n of nodes) {
    // OpenSSL's X509_self_signed: likely issued by itself (names, AKID, algorithms), and here the
    // signature verifies too.
    selfSigned.set(n, notLikelyIssued(n, n) === null && signs(n, n));
  }
  const issuerOf = new Map<Node, Node | null>();
  /** Why the certificates named as a node's issuer were not taken (OpenSSL's likely-issued test). */
  const rejected = new Map<Node, string>();
  for (const n of nodes) {
    if (selfSigned.get(n)) {
      issuerOf.set(n, n);
      continue;
    }
    const named = nodes.filter((p) => p !== n && p.cert.subject.canonical === n.cert.issuer.canonical);
    const likely = named.filter((p) => notLikelyIssued(p, n) === null);
    issuerOf.set(n, pickIssuer(likely.filter((p) => signs(p, n))) ?? likely[0] ?? null);
    const why = named.length && !likely.length ? notLikelyIssued(named[0]!, n) : null;
    if (why) rejected.set(n, why);
  }
  const isIssuer = new Set<Node>();
  for (const [child, parent] of issuerOf) if (parent && parent !== child) isIssuer.add(parent);
  const starts = nodes.filter((n) => !isIssuer.has(n));
  const covered = new Set<Node>();
  const reports: ChainReport[] = [];
  const walk = (start: Node) => {
    const order: Node[] = [];
    const links: ChainLink[] = [];
    let cur: Node | null = start;
    while (cur && !order.includes(cur)) {
      order.push(cur);
      covered.add(cur);
      const parent: Node | null = issuerOf.get(cur) ?? null;
      links.push(link(cur, parent, parent !== null && issuerOf.get(parent) === parent, rejected.get(cur)));
      cur = parent === cur ? null : parent;
    }
    const last = order[order.length - 1]!;
    const complete = selfSigned.get(last) === true;
    const missing = complete
      ? []
      : (links[links.length - 1]?.problems.filter((p) => p.includes('was not given')) ?? []);
    reports.push({ order: order.map((n) => n.index), links, complete, missing });
  };
  for (const s of starts) walk(s);
  for (const n of nodes) if (!covered.has(n)) walk(n);
  return reports;
}
