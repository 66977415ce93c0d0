/**
 * Checks about use, proven with a real TLS 1.3 handshake on 127.0.0.1 (src/labs): a client that
 * trusts the learner's CA connects to a server presenting the learner's certificate, or a server
 * that trusts the learner's CA is offered the learner's certificate as a client certificate.
 */
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { LabError, type LabResult, loadCredential, runMtls, runServerIdentity } from '../labs/index.js';
import { type CertSource, MaterialError, readCertificate } from './material.js';
import type { CheckResult } from './types.js';

export interface HandshakeCheck {
  role: 'server' | 'client';
  cert: CertSource;
  keyFile?: string;
  name?: string;
  trustFile: string;
  expect: 'accepted' | 'refused';
  folder: string;
  now: Date;
}

const HANDSHAKE_TIMEOUT_MS = 5000;

/** Runs the handshake and says whether it ended as the task expects, in the lab's words. */
export async function handshakeCheck(h: HandshakeCheck): Promise<CheckResult> {
  const f = h.cert.shown;
  const what =
    h.role === 'server'
      ? `as a TLS server for ${h.name ?? 'www.example.test'}`
      : 'as a TLS client certificate (mTLS)';
  const name = `${f}: handshake ${what}`;
  let r: LabResult;
  try {
    const cred = await loadCredential(h.cert.path, {
      ...(h.keyFile ? { keyPath: join(h.folder, h.keyFile) } : {}),
      ...(h.cert.password !== undefined ? { password: h.cert.password } : {}),
    });
    // The CA may be PEM, DER or a PFX (read like every other certificate file of an exercise).
    const ca = await readCertificate(h.folder, h.trustFile, h.now);
    const trust = ca.ders.map((d) => Buffer.from(new X509Certificate(d).toString()));
    const common = { now: h.now, source: f, trust, timeoutMs: HANDSHAKE_TIMEOUT_MS };
    r =
      h.role === 'server'
        ? await runServerIdentity({ ...common, server: cred, name: h.name ?? 'www.example.test' })
        : await runMtls({ ...common, presented: cred });
  } catch (e) {
    if (e instanceof LabError || e instanceof MaterialError)
      return { name, passed: false, message: `${f}: the handshake could not run: ${e.message}` };
    throw e;
  }
  const passed = r.outcome === h.expect;
  const verdict = r.outcome === 'accepted' ? 'accepted' : 'refused';
  const who = h.role === 'server' ? `a client trusting ${h.trustFile}` : `a server trusting ${h.trustFile}`;
  const why = r.explanation.slice(0, 2).join(' ');
  const message = passed
    ? `${f}: ${who} ${verdict} it ${what} in a real ${r.protocol ?? 'TLS'} handshake on 127.0.0.1${h.expect === 'refused' && why ? `: ${why}` : ''}`
    : `${f}: ${who} ${verdict} it ${what}, the task needs it ${h.expect}: ${why}`;
  return { name, passed, message };
}
