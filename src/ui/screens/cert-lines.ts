import type { CertStore } from '../cert-data.js';
import { certCard } from '../components/cert-card.js';
import { wrapLines } from '../components/wrap.js';
import type { Theme } from '../theme.js';

/**
 * The card of certificate `index` in `path`, or a line saying it is loading or unreadable
 * (`isVerdictHidden`: without the engine's conclusions, for a quiz question not yet answered).
 */
export function cardLines(
  certs: CertStore,
  path: string,
  index: number,
  highlight: string[],
  width: number,
  t: Theme,
  isVerdictHidden = false,
): string[] {
  const data = certs[path];
  if (!data) return [t.paint('muted', `${t.sym.info} loading the certificate...`)];
  if ('error' in data) return wrapLines(t.paint('danger', `${t.sym.cross} ${data.error}`), width);
  const cert = data.file.certificates[index];
  if (!cert) {
    const why = data.file.error ?? `it has no certificate #${index}`;
    return wrapLines(t.paint('danger', `${t.sym.cross} cannot show ${path}: ${why}`), width);
  }
  return certCard(cert, highlight, width, t, false, isVerdictHidden);
}
