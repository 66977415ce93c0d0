import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
