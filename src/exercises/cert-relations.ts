/**
 * Expectations that relate a certificate file to other files: the chain it makes, who issued it,
 * the order a server sends, and how a renewal compares with the certificate it replaces.
 */
import { buildChains, type CertificateReport } from '../pki/index.js';
import { dnsNames, type ReadOther, result, sanText, spkiOf } from './cert-checks.js';
import type { CertSource } from './material.js';
import type { CertExpect, CheckResult } from './types.js';

const DAY = 86_400_000;

/** Checks the file's certificates plus `ca` chain completely to `ca`, every link sound. */
async function chainsTo(
  f: string,
  src: CertSource,
  caName: string,
  ca: CertSource,
  now: Date,
): Promise<CheckResult> {
  const name = `${f}: chains to ${caName}`;
  const all = [...src.ders, ...ca.ders];
  const reports = [...src.report.certificates, ...ca.report.certificates];
  const root = ca.report.certificates[0]!;
  const chains = await buildChains(all, now);
  // The chain through the first certificate (a misordered file is reported by sendOrder/order).
  const chain = chains.find((c) => c.order.includes(0));
  if (!chain) return result(name, false, `${f}: its first certificate could not be read`);
  const top = reports[chain.order[chain.order.length - 1]!]!;
  const problems = [...new Set(chain.links.flatMap((l) => l.problems))];
  const reachesCa = chain.complete && top.sha256 === root.sha256;
  if (reachesCa && !problems.length)
    return result(
      name,
      true,
      `${f}: ${chain.order.map((i) => reports[i]!.subject.text).join(' -> ')}, every link checked`,
    );
  const why = problems.length
    ? problems.join('; ')
    : `the chain ends at ${top.subject.text}, not at ${root.subject.text}`;
  return result(name, false, `${f}: does not chain to ${caName}: ${why} (RFC 5280 §6.1)`);
}

/** Each certificate after the first must have issued the one before it (RFC 8446 §4.4.2). */
async function sendOrder(f: string, src: CertSource, now: Date): Promise<CheckResult> {
  const name = `${f}: order`;
  const certs = src.report.certificates;
  const chains = await buildChains(src.ders, now);
  const parent = new Map<number, number | null>();
  for (const c of chains) for (const l of c.links) parent.set(l.child, l.parent);
  for (let i = 0; i + 1 < certs.length; i++) {
    if (parent.get(i) !== i + 1) {
      const first =
        i === 0 && certs[0]!.basicConstraints?.cA ? ` (certificate 1 is a CA; the leaf comes first)` : '';
      return result(
        name,
        false,
        `${f}: certificate ${i + 2} (${certs[i + 1]!.subject.text}) did not issue certificate ${i + 1} (${certs[i]!.subject.text})${first}; a server sends its own certificate first and each following one must certify the one before it (RFC 8446 §4.4.2)`,
      );
    }
  }
  return result(name, true, `${f}: leaf first, each certificate followed by its issuer`);
}

/** The expectations about other files, on the file's first certificate. */
export async function relationChecks(
  f: string,
  src: CertSource,
  e: CertExpect,
  ctx: { now: Date; readOther: ReadOther },
): Promise<CheckResult[]> {
  const c = src.report.certificates[0]!;
  const der = src.ders[0]!;
  const out: CheckResult[] = [];
  if (e.chainsTo) out.push(await chainsTo(f, src, e.chainsTo, await ctx.readOther(e.chainsTo), ctx.now));
  if (e.issuedBy) {
    const ca = await ctx.readOther(e.issuedBy);
    const chain = await buildChains([der, ca.ders[0]!], ctx.now);
    const link = chain.find((x) => x.order[0] === 0)?.links[0];
    const ok = link?.parent === 1 && link.problems.length === 0;
    const why = link?.problems.join('; ') || `${ca.report.certificates[0]!.subject.text} did not sign it`;
    out.push(
      result(
        `${f}: issued by ${e.issuedBy}`,
        ok,
        ok
          ? `${f}: issued and signed by ${ca.report.certificates[0]!.subject.text}`
          : `${f}: not issued by ${e.issuedBy}: ${why} (RFC 5280 §6.1.3)`,
      ),
    );
  }
  if (e.order) {
    const want = await Promise.all(
      e.order.map(async (n) => (await ctx.readOther(n)).report.certificates[0]!),
    );
    const have = src.report.certificates;
    const bad = want.findIndex((w, i) => have[i]?.sha256 !== w.sha256);
    const ok = bad === -1 && have.length === want.length;
    const shown = have.map((h) => h.subject.text).join(', ');
    out.push(
      result(
        `${f}: contents`,
        ok,
        ok
          ? `${f}: ${e.order.join(' then ')}`
          : `${f}: must hold ${e.order.join(' then ')}, in that order, and nothing else; it holds ${have.length} certificate(s): ${shown}`,
      ),
    );
  }
  if (e.startsWith) {
    const w = (await ctx.readOther(e.startsWith)).report.certificates[0]!;
    const ok = c.sha256 === w.sha256;
    out.push(
      result(
        `${f}: first certificate`,
        ok,
        ok
          ? `${f}: starts with the certificate of ${e.startsWith}`
          : `${f}: starts with ${c.subject.text}, not with the certificate of ${e.startsWith} (${w.subject.text}); a server sends its own certificate first (RFC 8446 §4.4.2)`,
      ),
    );
  }
  if (e.sendOrder) out.push(await sendOrder(f, src, ctx.now));
  if (e.maxDays !== undefined) {
    const days = (Date.parse(c.notAfter) - Date.parse(c.notBefore)) / DAY;
    const ok = days <= e.maxDays;
    out.push(
      result(
        `${f}: lifetime`,
        ok,
        ok
          ? `${f}: lifetime ${Math.round(days)} days`
          : `${f}: lifetime is ${Math.round(days)} days (${c.notBefore} to ${c.notAfter}); at most ${e.maxDays}, the public-CA limit since 15 March 2026 (CA/Browser Forum BR §6.3.2): issue it with -days ${e.maxDays} or fewer`,
      ),
    );
  }
  if (e.sameKeyAs) {
    const other = await ctx.readOther(e.sameKeyAs);
    const ok = spkiOf(der).equals(spkiOf(other.ders[0]!));
    out.push(
      result(
        `${f}: same key as ${e.sameKeyAs}`,
        ok,
        ok
          ? `${f}: same subjectPublicKeyInfo as ${e.sameKeyAs}`
          : `${f}: its subjectPublicKeyInfo is not the key of ${e.sameKeyAs}; the task keeps the same key pair (RFC 5280 §4.1.2.7): sign a CSR made with the old key`,
      ),
    );
  }
  if (e.sameNamesAs) {
    const o = (await ctx.readOther(e.sameNamesAs)).report.certificates[0]!;
    const names = (x: CertificateReport) =>
      [...dnsNames(x)]
        .map((n) => n.toLowerCase())
        .sort()
        .join(',');
    const okSubject = o.subject.text === c.subject.text;
    const okSan = names(o) === names(c);
    const ok = okSubject && okSan;
    const what = !okSubject
      ? `its subject is ${c.subject.text}, not ${o.subject.text}`
      : `its subjectAltName is ${sanText(c)}, not ${sanText(o)}`;
    out.push(
      result(
        `${f}: same names as ${e.sameNamesAs}`,
        ok,
        ok
          ? `${f}: same subject and subjectAltName as ${e.sameNamesAs}`
          : `${f}: ${what} (subject and subjectAltName, RFC 5280 §4.1.2.6, §4.2.1.6): a renewal keeps the names`,
      ),
    );
  }
  if (e.outlives) {
    const o = (await ctx.readOther(e.outlives)).report.certificates[0]!;
    const ok = Date.parse(c.notAfter) > Date.parse(o.notAfter);
    out.push(
      result(
        `${f}: outlives ${e.outlives}`,
        ok,
        ok
          ? `${f}: notAfter ${c.notAfter} is later than ${e.outlives}'s`
          : `${f}: notAfter ${c.notAfter} is not later than ${e.outlives}'s (${o.notAfter}); a renewal must last longer than the old one (validity, RFC 5280 §4.1.2.5)`,
      ),
    );
  }
  return out;
}
