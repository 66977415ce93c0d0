/**
 * What the two handshake labs have in common: finding a scenario by id, and the server's flight
 * of a TLS 1.3 handshake as steps (RFC 8446 §2: ServerHello, then encrypted CertificateRequest when
 * the server asks for a client certificate, Certificate, CertificateVerify, Finished).
 */
import { findLab } from './catalog.js';
import { LabError } from './errors.js';
import type { HandshakeStep, LabId } from './types.js';

/** The setup of scenario `id` of `lab` and its label; a LabError when the lab has no such scenario. */
export function scenarioSetup<T>(
  lab: LabId,
  id: string,
  setups: Record<string, T>,
): { setup: T; label: string } {
  const setup = setups[id];
  const scenario = findLab(lab)?.scenarios.find((s) => s.id === id);
  if (!setup || !scenario) throw new LabError('unknown-scenario', `the ${lab} lab has no scenario '${id}'`);
  return { setup, label: scenario.label };
}

/** The server's flight: `certificateRequest` is the detail of a CertificateRequest, when it asks. */
export function serverFlight(certificate: string, certificateRequest?: string): HandshakeStep[] {
  const step = (message: string, detail: string): HandshakeStep => ({
    from: 'server',
    message,
    detail,
    status: 'ok',
  });
  return [
    step('ServerHello', 'TLS 1.3 agreed; the rest of the handshake is encrypted'),
    ...(certificateRequest !== undefined ? [step('CertificateRequest', certificateRequest)] : []),
    step('Certificate', certificate),
    step('CertificateVerify', "signed with the server's private key"),
    step('Finished', ''),
  ];
}

/** The client's first step, asking for `what`. */
export const clientHello = (what: string): HandshakeStep => ({
  from: 'client',
  message: 'ClientHello',
  detail: `asks for ${what}, TLS 1.3`,
  status: 'ok',
});

/** The step of a handshake that got no answer: the client's error. */
export const noAnswer = (error: { message: string } | null | undefined): HandshakeStep => ({
  from: 'client',
  message: 'error',
  detail: error?.message ?? 'no answer',
  status: 'failed',
});

/** The last step of an accepted handshake: the server's application data. */
export const helloData: HandshakeStep = {
  from: 'server',
  message: 'application data',
  detail: 'hello from the cert-tutor lab server',
  status: 'ok',
};
