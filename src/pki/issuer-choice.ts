import type { ParsedCert } from './cert-parse.js';

/**
 * Of several certificates that issued the same child, the one OpenSSL 3.0 picks (x509_vfy.c
 * find_issuer): the first valid now, else the one that expires last. This is how a cross-signed
 * intermediate that has expired is passed over for the trusted root of the same name ("chain of
 * pain", x509-limbo pathological::multiple-chains-expired-intermediate).
 */
export function pickIssuer<T extends { datesValid: boolean; cert: ParsedCert }>(
  candidates: T[],
): T | undefined {
  const valid = candidates.find((p) => p.datesValid);
  if (valid) return valid;
  const end = (n: T) => n.cert.notAfterDate?.getTime() ?? 0;
  return [...candidates].sort((a, b) => end(b) - end(a))[0];
}
