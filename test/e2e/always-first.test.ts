import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/course/index.js';
import type { Course } from '../../src/course/types.js';
import { lessonsDir } from '../../src/paths.js';
import { BINARY, e2eSessions, requireBinary } from './tmux.js';

/**
 * A learner who always picks the first choice shown must not beat chance by much: chance over the
 * lesson quizzes of the course is about 30% (one in two for yes/no, one in three or four otherwise, never for
 * a multi-choice item with two right answers). The goal is at most 35%, in both front ends.
 */
const GOAL = 0.35;

let course: Course;
const { newHome, open } = e2eSessions();

beforeAll(async () => {
  requireBinary();
  course = await loadCourse(lessonsDir());
});

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('an always-first learner over the lesson quizzes of the course', () => {
  it('in the TUI (tmux, built binary), pressing Enter on the first choice, scores at most 35%', async () => {
    const t = open('always-first', newHome());
    await t.waitFor('p practice', 'the home screen');
    let right = 0;
    let asked = 0;
    for (const lesson of course.lessons) {
      // Number keys pick lessons 1-9; beyond, the cursor goes down from lesson 9.
      t.type(String(Math.min(lesson.number, 9)));
      for (let n = 9; n < lesson.number; n++) t.keys('Down');
      t.keys('Enter');
      await t.waitFor(`page 1/${lesson.pages.length}`, `lesson ${lesson.number}`);
      const last = `page ${lesson.pages.length}/${lesson.pages.length}`;
      await t.pressUntil('End', last, 'the last page');
      await t.pressUntil('Right', `question 1 of ${lesson.quiz.length}`, 'the quiz');
      for (let q = 1; q <= lesson.quiz.length; q++) {
        await t.waitFor(`question ${q} of ${lesson.quiz.length}`, `question ${q} of lesson ${lesson.number}`);
        t.keys('Enter');
        await t.waitFor(/Right\.|Not quite/, 'the verdict');
        t.keys('Enter');
      }
      const score = await t.waitFor(/You scored \d+ of \d+\./, `the score of lesson ${lesson.number}`);
      const [, got, of] = score.match(/You scored (\d+) of (\d+)\./)!;
      expect(Number(of)).toBe(lesson.quiz.length);
      right += Number(got);
      asked += Number(of);
      t.keys('Enter');
      await t.waitFor('(continue here)', 'home');
    }
    expect(asked).toBe(sum(course.lessons.map((l) => l.quiz.length)));
    expect(right / asked).toBeLessThanOrEqual(GOAL);
  }, 240_000);

  it('in the line mode (answers piped in), typing 1 to every question, scores at most 35%', async () => {
    // Per lesson: its number on the menu, Enter through its pages (the last one starts the quiz), 1 to each question.
    const input = course.lessons
      .map((l) => [String(l.number), ...l.pages.map(() => ''), ...l.quiz.map(() => '1')].join('\n'))
      .join('\n');
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [BINARY, 'learn', '--plain'], {
        env: { ...process.env, CERT_TUTOR_HOME: newHome(), COLUMNS: '100' },
      });
      let stdout = '';
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      child.on('error', reject);
      child.on('close', () => resolve(stdout));
      child.stdin.end(`${input}\nq\n`);
    });
    const scores = [...out.matchAll(/Score: (\d+) of (\d+) right/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(scores.map(([, of]) => of)).toEqual(course.lessons.map((l) => l.quiz.length));
    const right = sum(scores.map(([r]) => r!));
    expect(right / sum(scores.map(([, of]) => of!))).toBeLessThanOrEqual(GOAL);
  }, 120_000);
});
