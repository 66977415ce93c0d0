import type { DualUseResult, LabResult } from './types.js';

/**
 * A run's outcome in one word: a dual-use run is accepted only when both roles are. Pure and
 * import-free, so the TUI can use it without loading node:tls.
 */
export function labOutcome(r: LabResult | DualUseResult): 'accepted' | 'refused' {
  if (!('asServer' in r)) return r.outcome;
  return r.asServer.outcome === 'accepted' && r.asClient.outcome === 'accepted' ? 'accepted' : 'refused';
}
