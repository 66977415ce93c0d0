import { fileEvidence } from '../../course/present-question.js';
import type { CertStore } from '../cert-data.js';
import { certCard } from '../components/cert-card.js';
import { wrapHanging, wrapLines } from '../components/wrap.js';
import type { Theme } from '../theme.js';

/** Terminals shorter than this get the compact certificate card. */
export const COMPACT_CARD_ROWS = 30;

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
  isCompact = false,
): string[] {
  const data = certs[path];
  if (!data) return [t.paint('muted', `${t.sym.info} loading the certificate...`)];
  if ('error' in data) return wrapLines(t.paint('danger', `${t.sym.cross} ${data.error}`), width);
  const cert = data.file.certificates[index];
  if (!cert) {
    // A key file or CSR: its contents as evidence (a key card), not an error.
    if (!data.file.error && (data.file.privateKeys.length || data.file.notes.length))
      return fileLines(certs, path, 'The file', width, t, isVerdictHidden);
    const why = data.file.error ?? `it has no certificate #${index}`;
    return wrapLines(t.paint('danger', `${t.sym.cross} cannot show ${path}: ${why}`), width);
  }
  return certCard(cert, highlight, width, t, false, isVerdictHidden, isCompact);
}

/**
 * A file described by its contents (present-question.ts fileEvidence): blocks, keys by algorithm,
 * container facts; `isVerdictHidden` leaves out the engine's verdicts (a KeySpec name, "holds a key").
 */
export function fileLines(
  certs: CertStore,
  path: string,
  label: string,
  width: number,
  t: Theme,
  isVerdictHidden: boolean,
): string[] {
  const data = certs[path];
  if (!data) return [t.paint('muted', `${t.sym.info} loading the file...`)];
  if ('error' in data) return wrapLines(t.paint('danger', `${t.sym.cross} ${data.error}`), width);
  return [
    t.paint('strong', label),
    ...fileEvidence(data.file, isVerdictHidden).flatMap((l) => wrapHanging(l, width, `${t.sym.bullet} `)),
  ];
}
