import { useInput } from 'ink';
import { type Intent, intentFor, type Scope } from './key-map.js';

/**
 * Listens to keys for one scope while `isActive`, and hands the key map's intent to `onIntent`.
 * Only the active screen (or the open overlay) passes isActive, so exactly one listener acts.
 */
export function useKeys(scope: Scope, onIntent: (intent: Intent, n?: number) => void, isActive = true): void {
  useInput(
    (input, key) => {
      const hit = intentFor(scope, input, key);
      if (hit) onIntent(hit.intent, hit.n);
    },
    { isActive },
  );
}
