/**
 * The certificate engine's public API. Front ends import from here only.
 *
 * - inspectFile(path, { now, password? }): never throws for bad input; FileReport.error/errorCode.
 * - inspectBytes(bytes, { path, now, password? }): the same for bytes already read (stdin).
 * - describeCertificate(der, now, index?): one certificate, described (throws PkiError on bad DER).
 * - buildChains(certs, now): the given certificates ordered leaf → root, each link checked.
 * - certificateDers(report): the DER of a report's certificates (to chain across files).
 * - noteKeyMatchesAcrossFiles(reports, certificateDers): notes which certificate each key file's key belongs to.
 */
export { buildChains } from './chain.js';
export { matchKeyToCertificates, noteKeyMatchesAcrossFiles } from './containers/index.js';
export { describeCertificate } from './describe.js';
export { ekuName } from './eku-names.js';
export { PkiError } from './errors.js';
export { readFileCapped } from './file-limits.js';
export {
  certificateDers,
  errorReport,
  inspectBytes,
  inspectFile,
  MAX_FILE_BYTES,
  tooLarge,
} from './inspect-file.js';
export { MAX_PEM_BLOCKS, scanPem } from './pem.js';
export * from './types.js';
