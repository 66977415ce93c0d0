import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/course/index.js';
import type { Course } from '../../src/course/types.js';
import { lessonsDir } from '../../src/paths.js';
import { e2eSessions, requireBinary } from './tmux.js';

let course: Course;
const { newHome, open } = e2eSessions();

beforeAll(async () => {
  requireBinary();
  course = await loadCourse(lessonsDir());
});

/** TCP sockets in LISTEN state owned by `pid` (ss from iproute2). */
const listening = (pid: number) =>
  execFileSync('ss', ['-ltnpH'], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.includes(`pid=${pid},`));

describe('a TLS lab from the course, in a real terminal (tmux, built binary)', () => {
  it('opens the lab a lesson page offers with t, runs a real handshake, and quits leaving nothing listening', async () => {
    const lesson = course.lessons.find((l) => l.pages.some((p) => p.blocks.some((b) => b.type === 'lab')))!;
    const page = lesson.pages.findIndex((p) => p.blocks.some((b) => b.type === 'lab'));
    const home = newHome();
    const t = open('lab', home, { args: ['learn', String(lesson.number)] });
    await t.waitFor(`page 1/${lesson.pages.length}`, 'the lesson');
    for (let p = 2; p <= page + 1; p++)
      await t.pressUntil('Right', `page ${p}/${lesson.pages.length}`, `page ${p}`);
    expect(await t.waitFor('Press t to run it')).toContain('TLS lab:');
    t.type('t');
    await t.waitFor('Choose what to try', 'the lab menu');
    t.keys('Enter');
    const result = await t.waitFor('Result:', 'the handshake result');
    expect(result).toContain('REFUSED');
    expect(result).toContain('unsuitable certificate purpose');
    const pid = t.appPid();
    expect(listening(pid)).toEqual([]);
    t.keys('Escape');
    await t.waitFor(/2\. present the server certificate.*REFUSED/, 'the outcome marked on the menu');
    t.keys('C-c');
    await t.waitFor('[exited 0]', 'the app to exit');
    expect(t.cursorVisible()).toBe(true);
  });
});
