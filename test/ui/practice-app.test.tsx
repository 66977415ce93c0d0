import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtureFiles } from '../../src/course/generate-fixtures.js';
import { generateItems } from '../../src/course/generate-items.js';
import { buildQuiz } from '../../src/course/generate-quiz.js';
import { presentQuiz, retrySeed } from '../../src/course/present-question.js';
import type { QuizItem } from '../../src/course/types.js';
import { recordPage } from '../../src/progress/record.js';
import { reviewKey } from '../../src/progress/review.js';
import { emptyProgress } from '../../src/progress/types.js';
import { practiceSeed } from '../../src/ui/state/practice-nav.js';
import { testCourse } from './course-fixture.js';
import { type AppHarness, renderApp } from './render-app.js';

let app: AppHarness | undefined;
afterEach(() => app?.unmount());

const course = testCourse();
const clock = new Date(course.clock);
let drawn: QuizItem[];

beforeAll(async () => {
  // What `cert-tutor quiz --count 10 --seed S` draws from the test course and its real fixture.
  const generated = generateItems(await loadFixtureFiles(course), ['alpha', 'beta']);
  drawn = buildQuiz({ course, generated, count: 10, seed: practiceSeed(clock) });
});

describe('practice in the course TUI (real App, real reducer, real generator and engine)', () => {
  it('p on home practises 10 questions to the score screen, saving every answer, and Enter goes home', async () => {
    // The learner was reading beta (under the cursor), which has no generated questions: the whole course.
    app = renderApp({ progress: recordPage(emptyProgress(), 'beta', 0) });
    const a = app;
    const home = await a.waitFor('Beta lesson');
    expect(home).toContain('p practice');
    expect(home).not.toContain('practice (10');

    await a.press('p');
    const missed = drawn[0]!;
    for (const [i, item] of drawn.entries()) {
      await a.waitFor(`Practice  │ question ${i + 1} of 10`);
      expect(a.frame()).toContain(item.prompt.slice(0, 40));
      const wanted = i === 0 ? [item.choices.find((c) => !item.answer.includes(c))!] : item.answer;
      await a.press(...wanted.map((c) => String(item.choices.indexOf(c) + 1)), 'enter');
      await a.waitFor(i === 0 ? 'Not quite' : 'Right.');
      await a.press('enter');
    }
    const score = await a.waitFor('Practice: 9 of 10 right.');
    expect(score).toContain('Practice  │ score');
    expect(score).toContain(missed.prompt.slice(0, 40));
    expect(score).toContain('Press r to retry the 1 you missed now, or Enter to go home.');

    const saved = a.saved.at(-1)!;
    for (const item of drawn) {
      expect(saved.lessons[item.lessonId]?.answers[item.id]).toBeUndefined();
      expect(Date.parse(saved.review[reviewKey(item.lessonId, item.id)]!.due)).toBeGreaterThan(
        clock.getTime(),
      );
    }

    await a.press('r');
    await a.waitFor('Practice retry  │ question 1 of 1');
    // A retry reorders the choices (a new seed for the round).
    const again = presentQuiz([missed], retrySeed(practiceSeed(clock), 1))[0]!;
    await a.press(...again.answer.map((c) => String(again.choices.indexOf(c) + 1)), 'enter');
    await a.waitFor('Right.');
    await a.press('enter');
    await a.waitFor('Practice retry: 1 of 1 right.');
    expect(a.saved.at(-1)!.review[reviewKey(missed.lessonId, missed.id)]!.reps).toBe(
      saved.review[reviewKey(missed.lessonId, missed.id)]!.reps + 1,
    );
    await a.press('enter');
    await a.waitFor((f) => f.includes('Beta lesson') && !f.includes('Practice'), 'the home screen');
  });

  it('tells a first-time learner on home that p practises', async () => {
    app = renderApp();
    const f = await app.waitFor('Alpha lesson');
    expect(f).toContain('Pick a lesson with ↑/↓ and press Enter, or press p to practise; ? shows every key.');
  });
});
