import { type Key, useInput } from 'ink';
import { createContext, useContext, useRef } from 'react';
import { type Intent, intentFor, type Scope } from './key-map.js';

type Handler = { scope: Scope; onIntent: (intent: Intent, n?: number) => void };

/** The app's key router: the active screen's handler, and what to call after each commit. */
export interface KeyRouter {
  current: Handler | null;
  settle: () => void;
}

/** Where the active screen puts its key handler; the app's one stdin listener reads it. */
export const KeysContext = createContext<{ current: Handler | null }>({ current: null });

type Typed = { ch: string; key: Key };

/** Keys typed faster than a frame (or pasted) arrive as one input, Enter included ("2\r"): one by one. */
function splitTyped(input: string, key: Key): Typed[] {
  const isChunk = input.length > 1 && !key.ctrl && !key.meta && /^[\x20-\x7E\r]+$/.test(input);
  return isChunk
    ? [...input].map((ch) => ({ ch, key: { ...key, return: ch === '\r' } }))
    : [{ ch: input, key }];
}

/** How long a key waits for the screen it changed to paint before it goes to whatever listens. */
const SETTLE_MS = 40;

/**
 * The app's single stdin listener, mounted once, in the component that holds the state: it hands
 * each key to whichever screen registered last. A key that acted waits for the next commit before
 * the following one is handed on, so keys typed before a screen is drawn (at start, or faster than a
 * frame) reach the screen the previous key opened, in order, instead of the old one. Call the
 * returned `settle` after every commit (an effect without dependencies).
 */
export function useKeyRouter(): KeyRouter {
  const router = useRef<KeyRouter>({ current: null, settle: () => {} }).current;
  const queue = useRef<Typed[]>([]);
  const waiting = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flush = () => {
    if (waiting.current) clearTimeout(waiting.current);
    waiting.current = null;
    while (queue.current.length && !waiting.current) {
      const k = queue.current.shift()!;
      const h = router.current;
      const hit = h ? intentFor(h.scope, k.ch, k.key) : null;
      if (!h || !hit) continue;
      h.onIntent(hit.intent, hit.n);
      // Until the next commit (or a moment, when the key changed nothing that draws).
      waiting.current = setTimeout(flush, SETTLE_MS);
    }
  };
  router.settle = () => {
    if (waiting.current) flush();
  };
  useInput((input: string, key: Key) => {
    queue.current.push(...splitTyped(input, key));
    if (!waiting.current) flush();
  });
  return router;
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
