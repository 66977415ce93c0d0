import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONCURRENT_NOTICE, loadProgress, saveProgress } from '../../src/progress/store.js';
import type { ProgressDoc } from '../../src/progress/types.js';
import { writer } from '../progress/writer.js';
import { type AppHarness, renderApp } from './render-app.js';

let app: AppHarness | undefined;
let dir: string | undefined;
afterEach(() => {
  app?.unmount();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the TUI and a quiz in a second window', () => {
  it('a page turn saved by the TUI keeps the 10 answers the other window recorded, and the status says so', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ct-two-windows-'));
    const home = join(dir, 'home');
    const go = join(dir, 'go');
    writeFileSync(go, '');
    const opened = loadProgress(home).doc; // the TUI starts (as cert-tutor learn does)
    await writer(home, 'q', 10, go); // cert-tutor quiz in another window answers 10 items
    const bases: ProgressDoc[] = [];
    app = renderApp({
      progress: opened,
      onSave: (doc, base, onNotice) => {
        bases.push(base);
        saveProgress(home, doc, base, onNotice);
      },
    });
    await app.press('enter', 'right');
    await app.waitFor('page 2/3');
    await app.waitFor(CONCURRENT_NOTICE.slice(0, 40), 'the notice in the status line');
    await app.waitUntil(() => loadProgress(home).doc.lessons.alpha?.page === 1, 'the page turn to be saved');
    const { doc } = loadProgress(home);
    expect(Object.keys(doc.review)).toHaveLength(10);
    expect(Object.keys(doc.lessons.a!.answers)).toHaveLength(10);
    expect(doc.lessons.alpha).toMatchObject({ page: 1, pagesSeen: 2 });
    expect(bases[0]).toBe(opened); // the first save's base is the document the TUI started from
  });
});

describe('the TUI on a progress file with damaged parts', () => {
  it('starts (no crash on a null review card or a due date of garbage) and shows the notice', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ct-damaged-'));
    const home = join(dir, 'home');
    mkdirSync(home);
    const card = {
      due: '2020-01-01T00:00:00.000Z',
      stability: 1,
      difficulty: 5,
      elapsed_days: 0,
      scheduled_days: 0,
      learning_steps: 0,
      reps: 1,
      lapses: 1,
      state: 3,
      last_review: '2019-12-31T23:50:00.000Z',
    };
    writeFileSync(
      join(home, 'progress.json'),
      JSON.stringify({
        format: 1,
        lessons: { alpha: { page: 99, pagesSeen: 100, done: false, answers: {} } },
        review: { 'alpha/q1': null, 'alpha/q2': { ...card, due: 'garbage' }, 'alpha/q3': card },
      }),
    );
    const loaded = loadProgress(home); // as cert-tutor learn does before the first frame
    app = renderApp({ progress: loaded.doc, ...(loaded.notice ? { notice: loaded.notice } : {}) });
    const f = await app.waitFor('2 damaged entries');
    expect(f).toContain('Alpha lesson');
    expect(f).toContain('page 3 of 3'); // page 100 of a 3-page lesson is shown as its last page
    expect(f).not.toContain('garbage');
  });
});
