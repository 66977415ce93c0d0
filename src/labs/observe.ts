/** Turns a raw HandshakeObservation into the verdicts a LabResult shows. */
import type { HandshakeObservation } from './loopback.js';
import type { TlsAlert, TlsError, VerifyFailure } from './types.js';
import { alertFromMessage, lookupVerifyCode, openSslReason } from './verify-codes.js';

/** The server's refusal of the client's certificate (Node's authorizationError), if any. */
export function serverVerifyFailure(obs: HandshakeObservation): VerifyFailure | null {
  if (!obs.serverVerifyCode) return null;
  const known = lookupVerifyCode(obs.serverVerifyCode);
  return {
    side: 'server',
    code: obs.serverVerifyCode,
    ...(known ? { number: known.number } : {}),
    text: known?.text ?? obs.serverVerifyCode,
  };
}

/** The client's refusal of the server's certificate or name, if any. */
export function clientVerifyFailure(obs: HandshakeObservation): VerifyFailure | null {
  const e = obs.clientError;
  if (!e) return null;
  const known = lookupVerifyCode(e.code);
  if (known) return { side: 'client', code: e.code, number: known.number, text: e.message || known.text };
  if (e.code === 'ERR_TLS_CERT_ALTNAME_INVALID') return { side: 'client', code: e.code, text: e.message };
  return null;
}

/** The alert the client received, read from OpenSSL's error text. */
export function observedAlert(obs: HandshakeObservation): TlsAlert | null {
  const a = obs.clientError ? alertFromMessage(obs.clientError.message) : undefined;
  return a ? { sentBy: 'server', ...a } : null;
}

/** Library errors on both sides, reduced to OpenSSL's reason text. */
export function observedErrors(obs: HandshakeObservation): TlsError[] {
  const out: TlsError[] = [];
  if (obs.serverError)
    out.push({ side: 'server', code: obs.serverError.code, message: openSslReason(obs.serverError.message) });
  if (obs.clientError)
    out.push({ side: 'client', code: obs.clientError.code, message: openSslReason(obs.clientError.message) });
  return out;
}
