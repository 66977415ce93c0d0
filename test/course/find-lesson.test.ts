import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findItem, findLesson, loadCourse } from '../../src/course/index.js';

const good = join(import.meta.dirname, '..', 'fixtures-packs', 'good');

describe('findLesson and findItem', () => {
  it('find a lesson by id or by its number, and nothing for an unknown key', async () => {
    const course = await loadCourse(good);
    expect(findLesson(course, 'authored-only')?.number).toBe(2);
    expect(findLesson(course, '1')?.id).toBe('first-look');
    expect(findLesson(course, '3')).toBeUndefined();
    expect(findLesson(course, '0')).toBeUndefined();
    expect(findLesson(course, 'nope')).toBeUndefined();
  });

  it('find a quiz item by lesson id and item id', async () => {
    const course = await loadCourse(good);
    expect(findItem(course, 'authored-only', 'server-key-role')?.answer).toEqual(['It signs the handshake']);
    expect(findItem(course, 'first-look', 'server-key-role')).toBeUndefined();
  });
});
