import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOutline } from '../../src/commands/learn-outline.js';
import { loadCourse } from '../../src/course/index.js';
import { lessonsDir } from '../../src/paths.js';

// The built-in course's lesson clock: 2026-11-26 noon UTC.
const now = new Date('2026-11-26T12:00:00Z');

describe('course outline (what the first frame needs)', () => {
  it('has exactly the lessons, titles and pages of the full course, without quizzes', async () => {
    const [outline, full] = await Promise.all([
      loadOutline(lessonsDir(), now),
      loadCourse(lessonsDir(), { now }),
    ]);
    expect(outline).not.toBeNull();
    const shape = (c: typeof full) => ({
      title: c.title,
      clock: c.clock,
      lessons: c.lessons.map((l) => ({ id: l.id, number: l.number, title: l.title, pages: l.pages })),
    });
    expect(shape(outline!)).toEqual(shape(full));
    expect(outline!.lessons.every((l) => l.quiz.length === 0)).toBe(true);
  });

  it('gives up (null) on a folder without course.yaml, so the full loader can say why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-outline-'));
    try {
      expect(await loadOutline(dir, now)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
