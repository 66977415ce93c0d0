import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtureFiles } from '../../src/course/generate-fixtures.js';
import { generateItems } from '../../src/course/generate-items.js';
import { reviewItems } from '../../src/course/review-items.js';
import type { QuizItem } from '../../src/course/types.js';
import { recordReview, reviewKey } from '../../src/progress/review.js';
import { emptyProgress, type ProgressDoc } from '../../src/progress/types.js';
import { testCourse } from './course-fixture.js';
import { type AppHarness, renderApp } from './render-app.js';

let app: AppHarness | undefined;
const start = (...args: Parameters<typeof renderApp>) => {
  app = renderApp(...args);
  return app;
};
afterEach(() => app?.unmount());

const course = testCourse();
const clock = new Date(course.clock);
const dayBefore = new Date(clock.getTime() - 86_400_000);
let generated: QuizItem[];

beforeAll(async () => {
  // The items the generator makes from the test course's real fixture (the server certificate).
  generated = generateItems(await loadFixtureFiles(course), ['alpha', 'beta']);
});

describe('review in the course TUI (real App, real reducer, real generator and engine)', () => {
  it('v on home reviews the due items, authored and generated, to a score screen, and Enter goes home', async () => {
    const gen = generated.find((i) => i.lessonId === 'alpha')!;
    expect(gen).toBeDefined();
    const progress: ProgressDoc = [reviewKey('beta', 'b1'), reviewKey(gen.lessonId, gen.id)].reduce(
      (d, key) => recordReview(d, key, 'again', dayBefore),
      emptyProgress(),
    );
    const [first, second] = reviewItems(course, generated, progress, clock) as [QuizItem, QuizItem];
    const a = start({ progress });
    await a.waitFor('2 items due for review: press v to review them');
    expect(a.frame()).toContain('v review what is due');

    await a.press('v');
    await a.waitFor('Review  │ question 1 of 2');
    expect(a.frame()).toContain(first.prompt);
    // The generated item's card shows the fields only until the answer is given.
    expect(first.fixture).toBeDefined();
    const asked = await a.waitFor('Issued to: www.example.test', 'the card under the question');
    expect(asked).not.toContain('intended for');
    expect(asked).not.toMatch(/Certificate: /);
    await a.press(String(first.choices.indexOf(first.answer[0]!) + 1), 'enter');
    await a.waitFor('Right.');
    await a.waitFor(/Certificate: \w/, 'the card with its kind once answered');
    await a.press('enter');
    await a.waitFor('question 2 of 2');
    expect(a.frame()).toContain(second.prompt);
    const wrong = second.choices.find((c) => !second.answer.includes(c))!;
    await a.press(String(second.choices.indexOf(wrong) + 1), 'enter');
    await a.waitFor('Not quite');
    await a.press('enter');
    const score = await a.waitFor('Reviewed 2 items, 1 right.');
    expect(score).toContain(second.prompt);

    const saved = a.saved.at(-1)!;
    for (const item of [first, second]) {
      expect(saved.review[reviewKey(item.lessonId, item.id)]!.reps).toBeGreaterThan(0);
      expect(saved.lessons[item.lessonId]?.answers[item.id]?.at).not.toBe(clock.toISOString());
      expect(Date.parse(saved.review[reviewKey(item.lessonId, item.id)]!.due)).toBeGreaterThan(
        clock.getTime(),
      );
    }
    expect(saved.lessons.alpha?.quiz).toBeUndefined();

    await a.press('enter');
    await a.waitFor((f) => f.includes('Alpha lesson') && !f.includes('Reviewed'), 'the home screen');
    expect(a.frame()).not.toContain('due for review');
  });

  it('v with nothing due says when the next item is due, on home', async () => {
    const progress = recordReview(emptyProgress(), 'alpha/q1', 'good', clock);
    const due = progress.review['alpha/q1']!.due;
    const a = start({ progress });
    await a.waitFor('Alpha lesson');
    expect(a.frame()).not.toContain('due for review');
    await a.press('v');
    await a.waitFor(`the next item is due ${due.slice(0, 10)} ${due.slice(11, 16)} UTC`);
    expect(a.frame()).toContain('Alpha lesson');
  });
});
