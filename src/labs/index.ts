/**
 * The TLS labs' public API: real handshakes between node:tls peers on 127.0.0.1, returned as plain
 * data (LabResult). Front ends import from here only.
 *
 * - LABS, findLab(id): the catalogue (labs, scenarios, expected outcomes).
 * - runMtlsScenario(id, opts) / runMtls(run): lab 1, a server that requires a client certificate.
 * - runServerIdentityScenario(id, opts) / runServerIdentity(run): lab 2, host names and chains.
 * - runDualUseScenario(id, opts) / runDualUse(cert, key, opts): lab 3, one certificate in both roles.
 * - loadCredential(path, {keyPath?, password?}) / loadTrust(path): user files, LabError on bad input.
 * - runLabScenario(lab, id, opts): any scenario by lab and id (for menus); isDualUseResult(r).
 * - closeAllLabServers(): tear down every lab server and socket (Ctrl+C).
 */
export { findLab, isLabId, LABS } from './catalog.js';
export { runDualUse, runDualUseScenario } from './dual-use.js';
export { LabError } from './errors.js';
export type { LabOptions } from './fixture-files.js';
export { closeAllLabServers, DEFAULT_TIMEOUT_MS, openLabServerCount } from './loopback.js';
export { type LoadedCredential, loadCredential, loadTrust } from './material.js';
export { type MtlsRun, runMtls, runMtlsScenario } from './mtls.js';
export { isDualUseResult, runLabScenario } from './run-scenario.js';
export { runServerIdentity, runServerIdentityScenario, type ServerIdentityRun } from './server-identity.js';
export * from './types.js';
