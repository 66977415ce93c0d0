import { describe, expect, it } from 'vitest';
import { testCourse } from './course-fixture.js';
import { renderApp } from './render-app.js';

describe('keys typed ahead', () => {
  it('Enter and → typed in one burst on home open the lesson and turn its page (no key goes to the old screen)', async () => {
    const a = renderApp();
    await a.waitFor('Alpha lesson');
    a.type('\r\u001B[C');
    const f = await a.waitFor('page 2/3', 'Enter opened the lesson and → turned to page 2');
    expect(f).toContain('Alpha two');
  });

  it('while the full course is still loading (outline only), the keys still reach the lesson', async () => {
    let release: () => void = () => {};
    const full = testCourse();
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const a = renderApp({
      outline: {
        loadFull: async () => {
          await gate;
          return full;
        },
      },
    });
    await a.waitFor('Alpha lesson');
    a.type('\r\u001B[C\u001B[C');
    await new Promise((r) => setTimeout(r, 300));
    release();
    const f = await a.waitFor('page 3/3', 'Enter, →, → typed before the course loaded');
    expect(f).toContain('Alpha three');
  });
});
