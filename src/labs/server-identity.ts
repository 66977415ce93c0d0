/**
 * Lab 2, server-identity: the client asks for a www.example.test-style name and checks the server's
 * certificate. The name never goes to DNS: the client connects to 127.0.0.1 and sends the name as
 * SNI, then checks it against the certificate the way a modern client does (subjectAltName only).
 */
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import tls from 'node:tls';
import { IDENTITY_SETUPS, TEACHING_INTERMEDIATE, TEACHING_ROOT } from './catalog.js';
import { LabError } from './errors.js';
import { explainServerCert, type NameCheckVerdicts } from './explain-server-cert.js';
import { fixturePath, type LabOptions, readFixture, subjectOf } from './fixture-files.js';
import { type HandshakeObservation, runHandshake } from './loopback.js';
import { describeForLab, type LoadedCredential, loadCredential } from './material.js';
import { clientVerifyFailure, observedErrors } from './observe.js';
import { clientHello, helloData, noAnswer, scenarioSetup, serverFlight } from './steps.js';
import type { HandshakeStep, LabResult } from './types.js';

/** One server-identity run: what the server presents and the name the client asks for. */
export interface ServerIdentityRun extends LabOptions {
  server: LoadedCredential;
  /** Shown as the certificate's source. */
  source: string;
  name: string;
  /** CA certificates (PEM) the client trusts; default: the teaching root. */
  trust?: Buffer[];
  scenario?: string;
  title?: string;
}

/**
 * The host-name check of a modern client: DNS names and IP addresses in subjectAltName only, never
 * the CN (RFC 9110 §4.3.4). OpenSSL does the matching (X509_check_host with NEVER_CHECK_SUBJECT).
 */
export function modernIdentityCheck(host: string, cert: tls.PeerCertificate): Error | undefined {
  const x = new X509Certificate(cert.raw);
  const ok = isIP(host)
    ? x.checkIP(host) !== undefined
    : x.checkHost(host, { subject: 'never' }) !== undefined;
  if (ok) return undefined;
  const err = new Error(`${host} is not in the certificate's subjectAltName`) as Error & { code: string };
  err.code = 'ERR_TLS_CERT_ALTNAME_INVALID';
  return err;
}

/** What Node's default check and OpenSSL's default host check say about a certificate and a name. */
export function otherNameChecks(der: Buffer, host: string): NameCheckVerdicts {
  const x = new X509Certificate(der);
  const opensslDefault = isIP(host) ? x.checkIP(host) !== undefined : x.checkHost(host) !== undefined;
  const nodeDefault = tls.checkServerIdentity(host, x.toLegacyObject()) === undefined;
  return { nodeDefault, opensslDefault };
}

/** Runs one handshake against a server presenting `run.server`, asking for `run.name`. */
export async function runServerIdentity(run: ServerIdentityRun): Promise<LabResult> {
  if (!run.server.hasKey)
    throw new LabError(
      'no-key',
      `a server cannot present ${run.source} without its private key: it must sign CertificateVerify (give --key KEY)`,
    );
  const trust = run.trust ?? [readFixture(run, TEACHING_ROOT)];
  const obs = await runHandshake(
    { credentials: run.server.tls },
    { serverName: run.name, trust, checkServerIdentity: modernIdentityCheck },
    run.timeoutMs,
  );
  const der = run.server.certificates[0] ?? obs.serverCertDer;
  const certificate = der ? await describeForLab(der, run.source, run.now) : null;
  const verifyFailure = clientVerifyFailure(obs);
  const accepted = obs.clientGotData && !obs.clientError;
  const chainSent = run.server.certificates.length || 1;
  const verdicts =
    der && verifyFailure?.code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? otherNameChecks(der, run.name) : null;
  const notes = [
    `The lab resolves ${run.name} to 127.0.0.1 itself (no DNS): the client connects to loopback and sends the name as SNI.`,
    "The lab's client checks names like a browser: subjectAltName only, never the CN (OpenSSL's X509_check_host with NEVER_CHECK_SUBJECT).",
  ];
  const result: LabResult = {
    lab: 'server-identity',
    scenario: run.scenario ?? 'custom',
    title: run.title ?? `${run.source} as ${run.name}`,
    outcome: accepted ? 'accepted' : 'refused',
    protocol: obs.protocol,
    serverName: run.name,
    caNames: [],
    steps: identitySteps(obs, { name: run.name, chain: run.server.certificates.map(subjectOf), accepted }),
    verifyFailure,
    alert: null,
    errors: verifyFailure ? [] : observedErrors(obs),
    certificate,
    explanation: [],
    notes,
    timedOut: obs.timedOut,
  };
  result.explanation = explainServerCert({
    certificate,
    name: run.name,
    chainSent,
    accepted,
    verifyFailure,
    verdicts,
    now: run.now,
  });
  return result;
}

/** Runs one of the server-identity lab's scenarios on the teaching fixtures. */
export async function runServerIdentityScenario(id: string, opts: LabOptions): Promise<LabResult> {
  const { setup, label } = scenarioSetup('server-identity', id, IDENTITY_SETUPS);
  const server = await loadCredential(fixturePath(opts, setup.cert), {
    keyPath: fixturePath(opts, setup.key),
  });
  if (setup.sendIntermediate) withIntermediate(server, readFixture(opts, TEACHING_INTERMEDIATE));
  return runServerIdentity({
    ...opts,
    server,
    source: setup.cert,
    name: setup.name,
    scenario: id,
    title: label,
  });
}

/** Appends a PEM intermediate to a PEM credential, as a correctly configured server sends it. */
export function withIntermediate(cred: LoadedCredential, intermediatePem: Buffer): void {
  if (!cred.tls.cert) return;
  cred.tls.cert = Buffer.concat([cred.tls.cert, Buffer.from('\n'), intermediatePem]);
  cred.certificates.push(Buffer.from(new X509Certificate(intermediatePem).raw));
}

function identitySteps(
  obs: HandshakeObservation,
  s: { name: string; chain: string[]; accepted: boolean },
): HandshakeStep[] {
  const steps: HandshakeStep[] = [clientHello(`${s.name} (SNI) at 127.0.0.1`)];
  if (!obs.protocol && !clientVerifyFailure(obs)) return [...steps, noAnswer(obs.clientError)];
  const chain = s.chain.length ? s.chain.join(', then ') : 'its certificate chain';
  steps.push(...serverFlight(s.chain.length === 1 ? `${chain} (no intermediate)` : chain));
  const f = clientVerifyFailure(obs);
  const nameFailed = f?.code === 'ERR_TLS_CERT_ALTNAME_INVALID';
  if (f && !nameFailed) {
    steps.push({
      from: 'client',
      message: 'verify chain',
      detail: `OpenSSL verify error ${f.number ?? '?'}: ${f.text}`,
      status: 'failed',
    });
  } else {
    steps.push({
      from: 'client',
      message: 'verify chain',
      detail: 'chains to a trusted root (purpose SSL server)',
      status: 'ok',
    });
    steps.push({
      from: 'client',
      message: 'check name',
      detail: nameFailed ? `${s.name} is not in subjectAltName` : `${s.name} matches subjectAltName`,
      status: nameFailed ? 'failed' : 'ok',
    });
  }
  steps.push(
    s.accepted
      ? helloData
      : { from: 'client', message: 'close', detail: 'the client abandons the connection', status: 'failed' },
  );
  return steps;
}
