/**
 * The lab screen's part of the reducer: which lab a key opens, moving on the scenario menu,
 * starting a run (the app runs it and reports back with labDone / labFailed), and scrolling a result.
 */
import { findLab, LABS } from '../../labs/catalog.js';
import { labOutcome } from '../../labs/outcome.js';
import type { LabId } from '../../labs/types.js';
import { lessonById } from './course-nav.js';
import { pageScroll } from './scroll.js';
import type { Action, AppState, LabScreen, Screen } from './types.js';

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** The lab a lesson belongs to (the catalogue's `lessons`), else the first lab. */
function labOfLesson(lessonId: string | undefined): LabId {
  return (LABS.find((l) => lessonId !== undefined && l.lessons.includes(lessonId)) ?? LABS[0]!).id;
}

/** A lab screen on `lab`, with the cursor on `scenario` when given. */
function labScreen(lab: LabId, back: Screen, scenario?: string): LabScreen {
  const cursor = Math.max(0, findLab(lab)?.scenarios.findIndex((s) => s.id === scenario) ?? 0);
  return {
    kind: 'lab',
    lab,
    cursor,
    run: null,
    seq: 0,
    seen: {},
    predictions: { right: 0, total: 0 },
    scroll: 0,
    back,
  };
}

/**
 * Opens a lab from the current screen: the lab a lesson page offers (`<!-- lab: ... -->`), else the
 * lab of the lesson being read or under the home cursor. Other screens ignore the key.
 */
export function openLab(state: AppState): AppState {
  const s = state.screen;
  if (s.kind === 'home') {
    const lessonId = state.course.lessons[s.cursor]?.id;
    return { ...state, screen: labScreen(labOfLesson(lessonId), s) };
  }
  if (s.kind !== 'lesson') return state;
  const block = lessonById(state.course, s.lessonId).pages[s.page]?.blocks.find((b) => b.type === 'lab');
  if (block?.type === 'lab') return { ...state, screen: labScreen(block.lab, s, block.scenario) };
  return { ...state, screen: labScreen(labOfLesson(s.lessonId), s) };
}

/** Starts scenario `i` of the lab (the app sees the 'running' run and runs it). */
function start(s: LabScreen, i: number, predicted?: 'accepted' | 'refused'): LabScreen {
  const scenario = findLab(s.lab)?.scenarios[i];
  if (!scenario) return s;
  const seq = s.seq + 1;
  const run = { scenario: scenario.id, seq, status: 'running' as const, ...(predicted ? { predicted } : {}) };
  return { ...s, cursor: i, seq, scroll: 0, run };
}

/** Moves to the next or previous lab of the catalogue (on the menu). */
function switchLab(s: LabScreen, by: number): LabScreen {
  const i = LABS.findIndex((l) => l.id === s.lab);
  const lab = LABS[(i + by + LABS.length) % LABS.length]!.id;
  return { ...s, lab, cursor: 0, run: null, scroll: 0 };
}

/** The lab screen's reducer. */
export function labAction(state: AppState, s: LabScreen, a: Action): AppState {
  const n = findLab(s.lab)?.scenarios.length ?? 0;
  const to = (screen: LabScreen) => (screen === s ? state : { ...state, screen });
  if (a.type === 'labDone' || a.type === 'labFailed') {
    if (s.run?.seq !== a.seq || s.run.status !== 'running') return state;
    const { scenario, seq, predicted } = s.run;
    const base = { scenario, seq, ...(predicted ? { predicted } : {}) };
    if (a.type === 'labFailed') return to({ ...s, run: { ...base, status: 'failed', message: a.message } });
    const outcome = labOutcome(a.result);
    const seen = { ...s.seen, [`${s.lab}/${scenario}`]: outcome };
    const p = s.predictions;
    const predictions = predicted
      ? { right: p.right + (predicted === outcome ? 1 : 0), total: p.total + 1 }
      : p;
    return to({ ...s, seen, predictions, run: { ...base, status: 'done', result: a.result } });
  }
  if (s.run === null) {
    switch (a.type) {
      case 'up':
        return to({ ...s, cursor: clamp(s.cursor - 1, 0, n - 1) });
      case 'down':
        return to({ ...s, cursor: clamp(s.cursor + 1, 0, n - 1) });
      case 'first':
        return to({ ...s, cursor: 0 });
      case 'last':
        return to({ ...s, cursor: n - 1 });
      case 'pick':
        return to(start(s, a.n - 1));
      case 'select':
        return to(start(s, s.cursor));
      case 'predict':
        return to(start(s, s.cursor, a.outcome));
      case 'next':
        return to(switchLab(s, 1));
      case 'prev':
        return to(switchLab(s, -1));
      case 'back':
        return { ...state, screen: s.back };
      default:
        return state;
    }
  }
  const max = 'maxScroll' in a ? (a.maxScroll ?? 0) : 0;
  switch (a.type) {
    case 'up':
      return to({ ...s, scroll: Math.max(0, s.scroll - 1) });
    case 'down':
      return to({ ...s, scroll: clamp(s.scroll + 1, 0, max) });
    case 'first':
      return to({ ...s, scroll: 0 });
    case 'last':
      return to({ ...s, scroll: max });
    // A screenful of the result; never another handshake.
    case 'pageDown':
      return to({ ...s, scroll: pageScroll(s.scroll, 1, a.pageLines, max) });
    case 'pageUp':
      return to({ ...s, scroll: pageScroll(s.scroll, -1, a.pageLines, s.scroll) });
    case 'pick':
      return to(start(s, a.n - 1));
    case 'next':
      return to(start(s, (s.cursor + 1) % n));
    case 'prev':
      return to(start(s, (s.cursor - 1 + n) % n));
    case 'select':
    case 'back':
      return to({ ...s, run: null, scroll: 0 });
    default:
      return state;
  }
}
