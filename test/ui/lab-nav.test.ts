import { describe, expect, it } from 'vitest';
import type { LabResult } from '../../src/labs/types.js';
import { reducer } from '../../src/ui/state/reducer.js';
import type { Action, AppState, LabScreen } from '../../src/ui/state/types.js';
import { freshState, testCourse } from './course-fixture.js';

const now = new Date('2026-11-26T12:00:00Z');
const run = (s: AppState, ...actions: Action[]) => actions.reduce(reducer, s);
const lab = (s: AppState) => s.screen as LabScreen;

/** A finished run as the labs return it (only the fields the reducer reads matter here). */
const result = (outcome: 'accepted' | 'refused'): LabResult => ({
  lab: 'mtls',
  scenario: 'client-cert',
  title: 't',
  outcome,
  protocol: 'TLSv1.3',
  serverName: 'www.example.test',
  caNames: [],
  steps: [],
  verifyFailure: null,
  alert: null,
  errors: [],
  certificate: null,
  explanation: [],
  notes: [],
  timedOut: false,
});

function withLabPage(): AppState {
  const s = freshState();
  const course = testCourse();
  course.lessons[0]!.pages[1]!.blocks.push({ type: 'lab', lab: 'dual-use', scenario: 'any-eku' });
  return { ...s, course };
}

describe('lab screen reducer', () => {
  it('opens, from a page that offers a lab, that lab with the cursor on the named scenario', () => {
    const s = run(withLabPage(), { type: 'select', now }, { type: 'next', now }, { type: 'lab' });
    expect(lab(s)).toMatchObject({ kind: 'lab', lab: 'dual-use', cursor: 2, run: null });
    expect(run(s, { type: 'back' }).screen).toMatchObject({ kind: 'lesson', lessonId: 'alpha', page: 1 });
  });

  it('opens the first lab from home when the lesson under the cursor has none, and cycles labs', () => {
    const s = run(freshState(), { type: 'lab' });
    expect(lab(s).lab).toBe('mtls');
    expect(lab(run(s, { type: 'next', now })).lab).toBe('server-identity');
    expect(lab(run(s, { type: 'prev' })).lab).toBe('dual-use');
  });

  it('starts a run on Enter or a number, and shows its result when it arrives', () => {
    const s = run(freshState(), { type: 'lab' }, { type: 'pick', n: 2 });
    expect(lab(s).run).toEqual({ scenario: 'server-cert', seq: 1, status: 'running' });
    const done = run(s, { type: 'labDone', seq: 1, result: result('refused') });
    expect(lab(done).run).toMatchObject({ status: 'done', scenario: 'server-cert' });
    expect(lab(done).seen).toEqual({ 'mtls/server-cert': 'refused' });
    expect(lab(run(done, { type: 'select', now })).run).toBeNull();
  });

  it('drops the result of a run the learner left, and shows the newer run only', () => {
    const s = run(
      freshState(),
      { type: 'lab' },
      { type: 'pick', n: 1 },
      { type: 'back' },
      { type: 'pick', n: 3 },
    );
    const stale = run(s, { type: 'labDone', seq: 1, result: result('accepted') });
    expect(lab(stale).run).toMatchObject({ seq: 2, status: 'running' });
    expect(lab(stale).seen).toEqual({});
  });

  it('lands a result that arrives while the help is open', () => {
    const s = run(freshState(), { type: 'lab' }, { type: 'pick', n: 1 }, { type: 'help' });
    const done = run(s, { type: 'labFailed', seq: 1, message: 'no port' });
    expect(done.overlay).toBe('help');
    expect(lab(done).run).toMatchObject({ status: 'failed', message: 'no port' });
  });

  it('runs the next and previous choice from a result, wrapping round the list', () => {
    const s = run(freshState(), { type: 'lab' }, { type: 'pick', n: 7 });
    expect(lab(run(s, { type: 'next', now })).run).toMatchObject({ scenario: 'client-cert', seq: 2 });
    expect(lab(run(s, { type: 'prev' })).run).toMatchObject({ scenario: 'nothing', seq: 2 });
  });

  it('runs the choice under the cursor with a prediction, and counts the predictions that came true', () => {
    const s = run(freshState(), { type: 'lab' }, { type: 'down' }, { type: 'predict', outcome: 'refused' });
    expect(lab(s).run).toEqual({ scenario: 'server-cert', seq: 1, status: 'running', predicted: 'refused' });
    const right = run(s, { type: 'labDone', seq: 1, result: result('refused') });
    expect(lab(right).predictions).toEqual({ right: 1, total: 1 });
    const wrong = run(
      right,
      { type: 'back' },
      { type: 'predict', outcome: 'accepted' },
      { type: 'labDone', seq: 2, result: result('refused') },
    );
    expect(lab(wrong).predictions).toEqual({ right: 1, total: 2 });
    expect(lab(run(wrong, { type: 'back' }, { type: 'select', now })).run).not.toHaveProperty('predicted');
  });
});
