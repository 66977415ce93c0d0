/**
 * Lab 3, dual-use: one certificate tried in both roles, as the server of a handshake (the client
 * checks it for OpenSSL's "SSL server" purpose) and as the client of an mTLS handshake (the server
 * checks it for "SSL client"). docs/pki-rules.md §2.4, §2.5 and §9 (misconception 3).
 */
import { DUAL_USE_CERTS, findLab, TEACHING_INTERMEDIATE } from './catalog.js';
import { LabError } from './errors.js';
import { fixturePath, type LabOptions, readFixture } from './fixture-files.js';
import { loadCredential } from './material.js';
import { runMtls } from './mtls.js';
import { runServerIdentity, withIntermediate } from './server-identity.js';
import type { DualUseResult, LabResult } from './types.js';

/** Runs one certificate (a PEM leaf issued under the teaching intermediate) in both roles. */
export async function runDualUse(
  certPath: string,
  keyPath: string,
  opts: LabOptions & { source: string; scenario?: string; title?: string; password?: string },
): Promise<DualUseResult> {
  const asServerCred = await loadCredential(certPath, { keyPath, password: opts.password });
  if (asServerCred.format !== 'PKCS#12')
    withIntermediate(asServerCred, readFixture(opts, TEACHING_INTERMEDIATE));
  const probe = asServerCred.certificates[0];
  const { X509Certificate } = await import('node:crypto');
  const names = probe ? (new X509Certificate(probe).subjectAltName ?? '').match(/DNS:([^,\s]+)/) : null;
  const name = names?.[1] ?? 'www.example.test';
  const asServer = await runServerIdentity({
    ...opts,
    server: asServerCred,
    source: opts.source,
    name,
    title: `${opts.source} as a TLS server, the client asking for ${name}`,
  });
  const asClient = await runMtls({
    ...opts,
    presented: await loadCredential(certPath, { keyPath, password: opts.password }),
    source: opts.source,
    title: `${opts.source} as a TLS client, presented to the mtls lab server`,
  });
  return {
    lab: 'dual-use',
    scenario: opts.scenario ?? 'custom',
    title: opts.title ?? opts.source,
    asServer: { ...asServer, lab: 'dual-use', scenario: opts.scenario ?? 'custom' },
    asClient: { ...asClient, lab: 'dual-use', scenario: opts.scenario ?? 'custom' },
    explanation: explainDualUse(asServer, asClient),
  };
}

/** Runs one of the dual-use lab's scenarios on the teaching fixtures. */
export async function runDualUseScenario(id: string, opts: LabOptions): Promise<DualUseResult> {
  const files = DUAL_USE_CERTS[id];
  const scenario = findLab('dual-use')?.scenarios.find((s) => s.id === id);
  if (!files || !scenario) throw new LabError('unknown-scenario', `the dual-use lab has no scenario '${id}'`);
  return runDualUse(fixturePath(opts, files.cert), fixturePath(opts, files.key), {
    ...opts,
    source: files.cert,
    scenario: id,
    title: scenario.label,
  });
}

function explainDualUse(asServer: LabResult, asClient: LabResult): string[] {
  const cert = asServer.certificate ?? asClient.certificate;
  const eku = cert?.extendedKeyUsage;
  const both = asServer.outcome === 'accepted' && asClient.outcome === 'accepted';
  const neither = asServer.outcome === 'refused' && asClient.outcome === 'refused';
  const verdict = both
    ? 'Works as both: accepted as a TLS server and as a TLS client.'
    : neither
      ? 'Works as neither: refused as a TLS server and as a TLS client.'
      : `Works as a TLS ${asServer.outcome === 'accepted' ? 'server' : 'client'} only.`;
  const lines = [verdict];
  if (eku === null) {
    lines.push(
      'It has no extendedKeyUsage: no EKU means no restriction (RFC 5280 §4.2.1.12), so OpenSSL\'s "SSL server" and "SSL client" checks both pass.',
    );
  } else if (eku?.length === 1 && eku[0] === 'anyExtendedKeyUsage') {
    lines.push(
      'Its only EKU is anyExtendedKeyUsage. RFC 5280 lets an application refuse that when it wants a specific purpose, and OpenSSL does, for both serverAuth and clientAuth: verify error 26 "unsuitable certificate purpose" in each role.',
    );
  } else if (eku) {
    lines.push(
      `Its extendedKeyUsage lists ${eku.join(', ')}: serverAuth lets it be a server, clientAuth lets it be a client. "Client" and "server" are roles in a handshake, not kinds of certificate.`,
    );
  }
  lines.push(
    "X.509 allows dual use; policy is what changes: publicly trusted TLS certificates are becoming serverAuth-only (Chrome requires it of new public TLS leaves from 2027-03-15; Let's Encrypt dropped clientAuth from its default profile on 2026-02-11). Client certificates should come from a private CA.",
  );
  for (const r of [asServer, asClient]) {
    if (r.outcome === 'refused' && r.explanation[0])
      lines.push(`As ${r === asServer ? 'server' : 'client'}: ${r.explanation[0]}`);
  }
  return lines;
}
