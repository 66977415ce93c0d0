import type { Dispatch } from 'react';
import type { CertStore } from '../cert-data.js';
import type { Intent, Scope } from '../input/key-map.js';
import type { Action, AppState, Screen } from '../state/types.js';
import type { Theme } from '../theme.js';
import type { Size } from '../use-terminal-size.js';

/** What every screen receives: ready data, the size, and a way to send actions. */
export interface ScreenProps {
  state: AppState;
  dispatch: Dispatch<Action>;
  theme: Theme;
  size: Size;
  certs: CertStore;
  /** The clock (answers and quiz scores are stamped with it). */
  now: () => Date;
  /** False while an overlay is open: then this screen does not listen to keys. */
  isActive: boolean;
  /** True once marked is loaded (after the first frame): lesson pages re-render then. */
  isMarkdownReady: boolean;
}

/** Turns a key-map intent into the reducer action, adding what only the screen knows. */
export function toAction(
  intent: Intent,
  n: number | undefined,
  extra: { maxScroll?: number; pageLines?: number; now: () => Date },
): Action {
  switch (intent) {
    case 'pick':
      return { type: 'pick', n: n ?? 1 };
    case 'predict-accepted':
      return { type: 'predict', outcome: 'accepted' };
    case 'predict-refused':
      return { type: 'predict', outcome: 'refused' };
    case 'down':
      return { type: 'down', maxScroll: extra.maxScroll };
    case 'last':
      return { type: 'last', maxScroll: extra.maxScroll };
    case 'next':
      return { type: 'next', now: extra.now(), maxScroll: extra.maxScroll, pageLines: extra.pageLines };
    case 'page-down':
      return { type: 'pageDown', maxScroll: extra.maxScroll, pageLines: extra.pageLines, now: extra.now() };
    case 'page-up':
      return { type: 'pageUp', pageLines: extra.pageLines };
    case 'select':
      return { type: 'select', now: extra.now(), maxScroll: extra.maxScroll, pageLines: extra.pageLines };
    case 'review':
      return { type: 'review', now: extra.now() };
    case 'practice':
      return { type: 'practice', now: extra.now() };
    default:
      return { type: intent };
  }
}

/** The content width: one column spare so no line touches the edge, and at most 100 for reading. */
export const contentWidth = (columns: number) => Math.max(20, Math.min(100, columns - 1));

/** The key-map scope of a screen: its kind, and for a lab whether a run is shown. */
export const scopeOf = (s: Screen): Scope => (s.kind === 'lab' && s.run ? 'lab-run' : s.kind);
