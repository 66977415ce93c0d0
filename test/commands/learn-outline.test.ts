import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOutline, makeOutlineSnapshot } from '../../src/commands/learn-outline.js';
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

  it('stands in the build snapshot for the parsers, giving the same outline, while lessons/ is unchanged', async () => {
    const snapshot = await makeOutlineSnapshot();
    expect(snapshot).not.toBeNull();
    const [fromSnapshot, parsed] = await Promise.all([
      loadOutline(lessonsDir(), now, snapshot!),
      loadOutline(lessonsDir(), now, undefined),
    ]);
    expect(fromSnapshot).toStrictEqual(parsed);
  });

  it('reads the snapshot only while every text it was made from is unchanged', async () => {
    const snap = JSON.parse((await makeOutlineSnapshot())!);
    const parsed = await loadOutline(lessonsDir(), now, undefined);
    const marked = { ...snap, course: { ...snap.course, title: 'from the snapshot' } };
    expect((await loadOutline(lessonsDir(), now, JSON.stringify(marked)))!.title).toBe('from the snapshot');
    const [firstLesson] = Object.keys(snap.sources).filter((k) => k.endsWith('lesson.md'));
    const stale = {
      ...marked,
      sources: { ...snap.sources, [firstLesson!]: `${snap.sources[firstLesson!]}\nedited` },
    };
    expect(await loadOutline(lessonsDir(), now, JSON.stringify(stale))).toStrictEqual(parsed);
  });

  it('never uses the snapshot for another pack folder (--lessons DIR)', async () => {
    const snap = JSON.parse((await makeOutlineSnapshot())!);
    const marked = JSON.stringify({ ...snap, course: { ...snap.course, title: 'from the snapshot' } });
    const dir = mkdtempSync(join(tmpdir(), 'ct-outline-'));
    try {
      cpSync(lessonsDir(), dir, { recursive: true });
      const outline = await loadOutline(dir, now, marked);
      expect(outline!.title).not.toBe('from the snapshot');
      expect(outline!.dir).toBe(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
