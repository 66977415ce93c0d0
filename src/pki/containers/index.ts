/**
 * Containers and key files: PKCS#12/PFX, PKCS#7, private keys and CSRs.
 *
 * - readContainer(input): the engine loader's ContainerReader (src/pki/container-types.ts).
 * - readContainerBytes(bytes, { path, password? }): sniffs and reads a whole file, or null when it
 *   is a plain certificate file (by content; the extension only picks the error for bad bytes).
 * - matchKeyToCertificates(keys, certificateDers): which certificate each key belongs to.
 * - noteKeyMatchesAcrossFiles(reports, certificateDers): the same across the files of one command.
 * Key material never leaves this module: reports describe keys, never show them.
 */

export { noteKeyMatchesAcrossFiles } from './cross-file.js';
export { matchKeyToCertificates } from './key-match.js';
export { readContainer } from './loader-adapter.js';
export { type ReadOptions, readContainerBytes } from './read-container.js';
export type { ContainerReading } from './reading.js';
