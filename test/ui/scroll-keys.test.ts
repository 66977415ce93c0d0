import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { intentFor } from '../../src/ui/input/key-map.js';
import { reducer } from '../../src/ui/state/reducer.js';
import type { Action, AppState, LabScreen } from '../../src/ui/state/types.js';
import { freshState } from './course-fixture.js';

const now = new Date('2026-11-26T12:00:00Z');
const run = (s: AppState, ...actions: Action[]) => actions.reduce(reducer, s);
const key = (k: Partial<Key>) => ({ ...k }) as Key;
const inLesson = () => run(freshState(), { type: 'pick', n: 1 }, { type: 'select', now });
const down = (maxScroll: number, pageLines = 10): Action => ({ type: 'pageDown', maxScroll, pageLines, now });
const up = (pageLines = 10): Action => ({ type: 'pageUp', pageLines });

describe('PgUp/PgDn, Space, Home/End on scrollable views', () => {
  it('are read-on keys in the key map of the lesson, inspect view and lab result', () => {
    for (const scope of ['lesson', 'inspect', 'lab-run'] as const) {
      expect(intentFor(scope, '', key({ pageDown: true }))).toEqual({ intent: 'page-down' });
      expect(intentFor(scope, ' ', key({}))).toEqual({ intent: 'page-down' });
      expect(intentFor(scope, '', key({ pageUp: true }))).toEqual({ intent: 'page-up' });
      expect(intentFor(scope, '', key({ home: true }))).toEqual({ intent: 'first' });
      expect(intentFor(scope, '', key({ end: true }))).toEqual({ intent: 'last' });
    }
    // On the lab's menu (no result shown) PgDn still moves to the next lab.
    expect(intentFor('lab', '', key({ pageDown: true }))).toEqual({ intent: 'next' });
  });

  it('in a lesson, a screenful at a time (one line kept), then the next page', () => {
    // 25 lines beyond a 10-line body: 0 -> 9 -> 18 -> 25 (clamped), then page 2.
    let s = run(inLesson(), down(25));
    expect(s.screen).toMatchObject({ kind: 'lesson', page: 0, scroll: 9 });
    s = run(s, down(25), down(25));
    expect(s.screen).toMatchObject({ page: 0, scroll: 25 });
    s = run(s, down(25));
    expect(s.screen).toMatchObject({ page: 1, scroll: 0 });
    // PgUp at the top of a page goes back a page; inside a page it scrolls up first.
    s = run(s, down(25), up());
    expect(s.screen).toMatchObject({ page: 1, scroll: 0 });
    s = run(s, up());
    expect(s.screen).toMatchObject({ page: 0, scroll: 0 });
  });

  it('a page that fits turns at once, as → does', () => {
    expect(run(inLesson(), down(0)).screen).toMatchObject({ kind: 'lesson', page: 1, scroll: 0 });
  });

  it('scrolls the inspect view a screenful and stops at its ends', () => {
    const s = run(inLesson(), { type: 'next', now }, { type: 'inspect' });
    expect(s.screen.kind).toBe('inspect');
    const a = run(s, down(12));
    expect(a.screen).toMatchObject({ kind: 'inspect', scroll: 9 });
    expect(run(a, down(12), down(12)).screen).toMatchObject({ kind: 'inspect', scroll: 12 });
    expect(run(a, up(), up()).screen).toMatchObject({ kind: 'inspect', scroll: 0 });
  });

  it('scrolls a lab result and never starts another handshake', () => {
    const s = run(
      freshState(),
      { type: 'lab' },
      { type: 'pick', n: 1 },
      { type: 'labFailed', seq: 1, message: 'x' },
    );
    const before = s.screen as LabScreen;
    expect(before.run).not.toBeNull();
    const after = run(s, down(30), down(30)).screen as LabScreen;
    expect(after.run).toEqual(before.run);
    expect(after.scroll).toBe(18);
    expect((run(s, down(30), up()).screen as LabScreen).scroll).toBe(0);
  });
});
