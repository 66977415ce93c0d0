/** One entry point for every lab scenario, for front ends that offer the labs as a menu. */
import { findLab } from './catalog.js';
import { runDualUseScenario } from './dual-use.js';
import { LabError } from './errors.js';
import type { LabOptions } from './fixture-files.js';
import { runMtlsScenario } from './mtls.js';
import { runServerIdentityScenario } from './server-identity.js';
import type { DualUseResult, LabId, LabResult } from './types.js';

/** Runs scenario `id` of `lab` on the teaching fixtures (LabError 'unknown-scenario' for a bad id). */
export function runLabScenario(lab: LabId, id: string, opts: LabOptions): Promise<LabResult | DualUseResult> {
  if (!findLab(lab)?.scenarios.some((s) => s.id === id))
    return Promise.reject(new LabError('unknown-scenario', `the ${lab} lab has no scenario '${id}'`));
  if (lab === 'mtls') return runMtlsScenario(id, opts);
  if (lab === 'server-identity') return runServerIdentityScenario(id, opts);
  return runDualUseScenario(id, opts);
}

/** True for the dual-use lab's two-run result. */
export const isDualUseResult = (r: LabResult | DualUseResult): r is DualUseResult => 'asServer' in r;
