import { join } from 'node:path';
import type { Course, QuizItem } from '../../src/course/types.js';
import { fixturesDir } from '../../src/paths.js';
import { emptyProgress } from '../../src/progress/types.js';
import { initialState } from '../../src/ui/state/reducer.js';
import type { AppState } from '../../src/ui/state/types.js';

/** A real fixture certificate (a serverAuth leaf issued by the teaching intermediate CA). */
export const SERVER_PEM = join(fixturesDir(), 'leaf', 'server.pem');

const item = (id: string, over: Partial<QuizItem> = {}): QuizItem => ({
  id,
  lessonId: 'alpha',
  kind: 'choice',
  prompt: `Question ${id}?`,
  choices: ['red', 'green', 'blue'],
  answer: ['green'],
  hint: `Hint for ${id}.`,
  explanation: `Explanation for ${id}.`,
  wrong: { red: 'Red is the colour of danger.' },
  source: 'authored',
  // Pinned, so the tests of keys and positions know where each choice is (shuffling: present-question.test.ts).
  order: 'fixed',
  ...over,
});

/** A two-lesson course as the course engine returns it: plain data, written out for the tests. */
export function testCourse(): Course {
  return {
    format: 1,
    title: 'Test course',
    version: '1',
    clock: '2026-11-26T12:00:00Z',
    welcome: 'Welcome to the test course. It has two lessons.',
    closing: 'You finished the test course.',
    dir: '/nowhere',
    problems: [],
    lessons: [
      {
        id: 'alpha',
        number: 1,
        title: 'Alpha lesson',
        summary: 'First.',
        dir: '/nowhere/alpha',
        pages: [
          { index: 0, blocks: [{ type: 'markdown', text: '# Alpha one\n\nThe **first** page.' }] },
          {
            index: 1,
            blocks: [
              { type: 'markdown', text: '# Alpha two\n\nA page with a card.' },
              {
                type: 'cert',
                ref: 'builtin:leaf/server.pem',
                path: SERVER_PEM,
                index: 0,
                highlight: ['extendedKeyUsage'],
              },
            ],
          },
          { index: 2, blocks: [{ type: 'markdown', text: '# Alpha three\n\n- last\n- page' }] },
        ],
        quiz: [
          item('q1'),
          item('q2', {
            kind: 'multi-choice',
            choices: ['serverAuth', 'clientAuth', 'codeSigning'],
            answer: ['serverAuth', 'clientAuth'],
          }),
        ],
      },
      {
        id: 'beta',
        number: 2,
        title: 'Beta lesson',
        summary: 'Second.',
        dir: '/nowhere/beta',
        pages: [{ index: 0, blocks: [{ type: 'markdown', text: '# Beta only page' }] }],
        quiz: [{ ...item('b1'), lessonId: 'beta' }],
      },
    ],
  };
}

/** A fresh learner's state on the home screen. */
export function freshState(): AppState {
  return initialState({ course: testCourse(), progress: emptyProgress(), notice: null, isFirstRun: true });
}
