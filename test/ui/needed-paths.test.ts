import { describe, expect, it } from 'vitest';
import { recordPage } from '../../src/progress/record.js';
import { neededPaths } from '../../src/ui/app.js';
import { freshState, SERVER_PEM } from './course-fixture.js';

describe('certificates read ahead', () => {
  it('on home, the cards of the lesson under the cursor at the page it opens on and the next', () => {
    const home = freshState();
    expect(home.screen).toEqual({ kind: 'home', cursor: 0 });
    // Lesson alpha opens on page 1 (index 0); its card is on page 2: read ahead for →.
    expect(neededPaths(home)).toEqual([SERVER_PEM]);
    // Opened at its last page (index 2), nothing of pages 3 and 4 (there are none) is read.
    const later = { ...home, progress: recordPage(home.progress, 'alpha', 2) };
    expect(neededPaths(later)).toEqual([]);
    // The cursor on lesson beta, which has no card on its first two pages.
    expect(neededPaths({ ...home, screen: { kind: 'home', cursor: 1 } })).toEqual([]);
  });

  it('nothing while only the outline is loaded (before the first frame is painted)', () => {
    expect(neededPaths({ ...freshState(), isCourseReady: false })).toEqual([]);
  });
});
