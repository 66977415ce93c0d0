/**
 * Containers and key files: PKCS#12/PFX, PKCS#7, private keys and CSRs (issue 3).
 *
 * - inspectContainer(bytes, { path, now, password? }): a FileReport, or null when the bytes are none
 *   of these (a certificate file the engine reads itself). Never throws for bad input.
 * - readContainer(bytes, { path, password? }): the same, before certificates are described.
 * - matchKeyToCertificates(keys, certificateDers): which certificate each key belongs to.
 * Key material never leaves this module: reports describe keys, never show them.
 */

export { inspectContainer, toFileReport } from './file-report.js';
export { matchKeyToCertificates } from './key-match.js';
export { type ReadOptions, readContainer } from './read-container.js';
export type { ContainerReading } from './reading.js';
