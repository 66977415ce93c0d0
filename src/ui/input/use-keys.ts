import { type Key, useInput } from 'ink';
import { createContext, useContext, useRef } from 'react';
import { type Intent, intentFor, type Scope } from './key-map.js';

type Handler = { scope: Scope; onIntent: (intent: Intent, n?: number) => void };

/** Where the active screen puts its key handler; the app's one stdin listener reads it. */
export const KeysContext = createContext<{ current: Handler | null }>({ current: null });

/**
 * The app's single stdin listener, mounted once: it hands each key to whichever screen registered
 * last, so no key is lost while a newly shown screen mounts.
 */
export function useKeyRouter(): { current: Handler | null } {
  const active = useRef<Handler | null>(null);
  useInput((input: string, key: Key) => {
    const h = active.current;
    if (!h) return;
    // Keys typed faster than a frame (or pasted) arrive as one chunk, Enter included ("2\r"):
    // take them one by one.
    const isChunk = input.length > 1 && !key.ctrl && !key.meta && /^[\x20-\x7E\r]+$/.test(input);
    const keys = isChunk
      ? [...input].map((ch) => ({ ch, key: { ...key, return: ch === '\r' } }))
      : [{ ch: input, key }];
    for (const k of keys) {
      const hit = intentFor(h.scope, k.ch, k.key);
      if (hit) h.onIntent(hit.intent, hit.n);
    }
  });
  return active;
}

/**
 * Makes this screen the one that listens, for one scope of the key map, while `isActive`. Only
 * the active screen (or the open overlay) passes isActive, so exactly one handler acts.
 */
export function useKeys(scope: Scope, onIntent: (intent: Intent, n?: number) => void, isActive = true): void {
  const slot = useContext(KeysContext);
  // Registered during render, so a key typed right after a screen change reaches the new screen.
  if (isActive) slot.current = { scope, onIntent };
}
