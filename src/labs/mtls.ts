/**
 * Lab 1, mtls: a server on 127.0.0.1 that requires a client certificate issued by the teaching CA.
 * The learner chooses what the client presents; the result shows the handshake and explains it.
 */
import {
  LAB_SERVER_CERT,
  LAB_SERVER_KEY,
  LAB_SERVER_NAME,
  MTLS_PRESENTATIONS,
  REVOCATION_CRLS,
  TEACHING_INTERMEDIATE,
  TEACHING_ROOT,
} from './catalog.js';
import { explainClientCert } from './explain-client-cert.js';
import { fixturePath, type LabOptions, readFixture, subjectOf } from './fixture-files.js';
import { type HandshakeObservation, runHandshake } from './loopback.js';
import { describeForLab, type LoadedCredential, loadCredential } from './material.js';
import { observedAlert, observedErrors, serverVerifyFailure } from './observe.js';
import { clientHello, helloData, noAnswer, scenarioSetup, serverFlight } from './steps.js';
import type { HandshakeStep, LabResult } from './types.js';

/** One mtls run: what the client presents (null: nothing) and whom the server trusts. */
export interface MtlsRun extends LabOptions {
  presented: LoadedCredential | null;
  /** Shown as the certificate's source (a fixture path or the user's file). */
  source: string;
  /** CA certificates (PEM) the server accepts client certificates from; default: the teaching CA. */
  trust?: Buffer[];
  /** CRLs (PEM) the server checks client certificates against; none by default. */
  crl?: Buffer[];
  scenario?: string;
  title?: string;
}

/** The teaching CA, root and intermediate, as the lab server's list of acceptable client CAs. */
export const teachingClientCAs = (opts: LabOptions) => [
  readFixture(opts, TEACHING_ROOT),
  readFixture(opts, TEACHING_INTERMEDIATE),
];

/** Runs one mtls handshake with what the client presents. */
export async function runMtls(run: MtlsRun): Promise<LabResult> {
  const trust = run.trust ?? teachingClientCAs(run);
  const caNames = trust.map(subjectOf);
  const obs = await runHandshake(
    {
      credentials: {
        cert: Buffer.concat([readFixture(run, LAB_SERVER_CERT), readFixture(run, TEACHING_INTERMEDIATE)]),
        key: readFixture(run, LAB_SERVER_KEY),
      },
      requireClientCertFrom: trust,
      ...(run.crl ? { crl: run.crl } : {}),
    },
    {
      serverName: LAB_SERVER_NAME,
      trust: [readFixture(run, TEACHING_ROOT)],
      ...(run.presented ? { credentials: run.presented.tls } : {}),
    },
    run.timeoutMs,
  );
  const der = run.presented?.certificates[0] ?? obs.clientLocalCertDer;
  const certificate = der ? await describeForLab(der, run.source, run.now) : null;
  const certificateSent =
    run.presented !== null && obs.serverError?.code !== 'ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE';
  const accepted = obs.serverAccepted && obs.clientGotData;
  const verifyFailure = serverVerifyFailure(obs);
  const alert = observedAlert(obs);
  const notes: string[] = [];
  if (verifyFailure)
    notes.push(
      'Node\'s TLS server verified the client\'s chain with OpenSSL (purpose "SSL client") and, on failure, closed the connection without a TLS alert; `openssl s_server -verify_return_error` would send one (alert 43 unsupported_certificate for a purpose failure).',
    );
  if (!accepted && obs.clientSecureConnect)
    notes.push(
      'In TLS 1.3 the client finishes its side of the handshake before the server has judged its certificate, so the refusal arrives after the client thought it was connected.',
    );
  const result: LabResult = {
    lab: 'mtls',
    scenario: run.scenario ?? 'custom',
    title: run.title ?? `present ${run.source}`,
    outcome: accepted ? 'accepted' : 'refused',
    protocol: obs.protocol,
    serverName: LAB_SERVER_NAME,
    caNames,
    steps: mtlsSteps(obs, {
      caNames,
      presented: certificate?.subject ?? null,
      certificateSent,
      accepted,
    }),
    verifyFailure,
    alert,
    errors: observedErrors(obs),
    certificate,
    explanation: [],
    notes,
    timedOut: obs.timedOut,
  };
  result.explanation = explainClientCert({
    certificate,
    hasKey: run.presented?.hasKey ?? false,
    certificateSent,
    accepted,
    verifyFailure,
    alert,
    caNames,
    now: run.now,
  });
  return result;
}

/** Runs one of the mtls lab's scenarios on the teaching fixtures. */
export async function runMtlsScenario(id: string, opts: LabOptions): Promise<LabResult> {
  const { setup: what, label } = scenarioSetup('mtls', id, MTLS_PRESENTATIONS);
  const presented = what.cert
    ? await loadCredential(
        fixturePath(opts, what.cert),
        what.key ? { keyPath: fixturePath(opts, what.key) } : {},
      )
    : null;
  const crl = what.checksCrl ? REVOCATION_CRLS.map((f) => readFixture(opts, f)) : undefined;
  return runMtls({
    ...opts,
    presented,
    source: what.cert?.replace('../lessons/fixtures/', '') ?? 'nothing',
    scenario: id,
    title: label,
    ...(crl ? { crl } : {}),
  });
}

function mtlsSteps(
  obs: HandshakeObservation,
  s: { caNames: string[]; presented: string | null; certificateSent: boolean; accepted: boolean },
): HandshakeStep[] {
  const steps: HandshakeStep[] = [clientHello(`${LAB_SERVER_NAME} (SNI)`)];
  if (!obs.protocol && !obs.serverVerifyCode && !obs.serverError)
    return [...steps, noAnswer(obs.clientError)];
  steps.push(
    ...serverFlight(
      `CN=${LAB_SERVER_NAME} and its intermediate`,
      `asks for a client certificate; certificate_authorities: ${s.caNames.join('; ')}`,
    ),
  );
  if (s.certificateSent && s.presented) {
    steps.push(
      { from: 'client', message: 'Certificate', detail: s.presented, status: 'ok' },
      {
        from: 'client',
        message: 'CertificateVerify',
        detail: 'signed the handshake with the private key of that certificate',
        status: 'ok',
      },
    );
  } else {
    const why = s.presented ? 'the client has the certificate but not its private key' : 'nothing to present';
    steps.push({ from: 'client', message: 'Certificate', detail: `empty (${why})`, status: 'empty' });
  }
  steps.push({ from: 'client', message: 'Finished', detail: '', status: 'ok' });
  if (s.accepted) {
    steps.push(
      {
        from: 'server',
        message: 'verify',
        detail: 'OpenSSL accepts the client certificate (purpose SSL client)',
        status: 'ok',
      },
      helloData,
    );
  } else if (obs.serverVerifyCode) {
    const f = serverVerifyFailure(obs);
    steps.push(
      {
        from: 'server',
        message: 'verify',
        detail: `OpenSSL verify error ${f?.number ?? '?'}: ${f?.text ?? obs.serverVerifyCode}`,
        status: 'failed',
      },
      {
        from: 'server',
        message: 'close',
        detail: 'Node closes the connection (no TLS alert)',
        status: 'failed',
      },
    );
  } else {
    const a = observedAlert(obs);
    steps.push({
      from: 'server',
      message: 'alert',
      detail: a ? `${a.name} (${a.number})` : (obs.serverError?.message ?? 'connection closed'),
      status: 'failed',
    });
  }
  return steps;
}
