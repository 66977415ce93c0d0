import { afterEach, describe, expect, it } from 'vitest';
import { recordPage } from '../../src/progress/record.js';
import { recordReview } from '../../src/progress/review.js';
import { emptyProgress } from '../../src/progress/types.js';
import { helpRows } from '../../src/ui/input/key-map.js';
import { makeTheme } from '../../src/ui/theme.js';
import { testCourse } from './course-fixture.js';
import { type AppHarness, renderApp } from './render-app.js';

let app: AppHarness | undefined;
const start = (...args: Parameters<typeof renderApp>) => {
  app = renderApp(...args);
  return app;
};
afterEach(() => app?.unmount());

/** The test course with page 1 of lesson alpha 40 paragraphs long: more than a 24-row terminal shows. */
function longFirstPage() {
  const course = testCourse();
  const text = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1}.`).join('\n\n');
  course.lessons[0]!.pages[0]!.blocks.push({ type: 'markdown', text });
  return course;
}

describe('home screen', () => {
  it('greets a first-time learner in two lines and lists every lesson as not started', async () => {
    const a = start();
    const f = await a.waitFor('Alpha lesson');
    // The whole welcome, not only its first sentence.
    expect(f).toContain('Welcome to the test course. It has two lessons.');
    expect(f).toContain('? shows every key');
    expect(f).not.toContain('Welcome back');
    expect(f.match(/not started/g)).toHaveLength(2);
    expect(f).toContain('0 of 2 lessons done');
    expect(f).toMatch(/❯\s+1\. Alpha lesson/);
  });

  it('shows a returning learner the page they are on and preselects that lesson', async () => {
    const progress = recordPage(emptyProgress(), 'beta', 0);
    const a = start({ progress: recordPage(progress, 'alpha', 1) });
    const f = await a.waitFor('Welcome back');
    expect(f).toContain('page 2 of 3');
    expect(f).toMatch(/❯\s+1\. Alpha lesson.*\(continue here\)/);
  });

  it("greets as a first visit a pack whose lessons have no progress, even with another pack's", async () => {
    const a = start({ progress: recordPage(emptyProgress(), 'some-other-packs-lesson', 2) });
    const f = await a.waitFor('Alpha lesson');
    expect(f).not.toContain('Welcome back');
    expect(f).toContain('Welcome to the test course.');
  });

  it('shows a notice, such as a moved-aside progress file, in the status line', async () => {
    const a = start({ notice: 'Your progress file was unreadable; moved it to /x/progress.json.corrupt' });
    await a.waitFor('moved it to /x/progress.json.corrupt');
  });

  it('says how many items are due for review', async () => {
    // Three items answered wrong a day before the lesson clock: each is due again 10 minutes later.
    const dayBefore = new Date(Date.parse(testCourse().clock) - 86_400_000);
    const progress = ['q1', 'q2', 'q3'].reduce(
      (d, id) => recordReview(d, `alpha/${id}`, 'again', dayBefore),
      emptyProgress(),
    );
    const a = start({ progress });
    await a.waitFor('3 items due for review');
  });
});

describe('lesson reader', () => {
  it('opens the lesson under the cursor, turns pages and saves each page turn', async () => {
    const a = start();
    await a.press('enter');
    await a.waitFor('page 1/3');
    expect(a.frame()).toContain('Alpha one');
    await a.press('right');
    await a.waitFor('page 2/3');
    await a.waitUntil(() => a.saved.at(-1)?.lessons.alpha?.page === 1, 'the page turn to be saved');
    expect(a.saved.at(-1)?.lessons.alpha).toMatchObject({ page: 1, pagesSeen: 2 });
    await a.press('left');
    await a.waitFor('page 1/3');
  });

  it('draws a certificate card with its kind, names, dates and marked fields with their OIDs (compact at 24 rows)', async () => {
    const a = start();
    await a.press('enter', 'right');
    const f = await a.waitFor('Certificate: server');
    // A 24-row terminal gets the compact card: the Windows-style purposes are in the i view.
    expect(f).not.toContain('This certificate is intended for');
    expect(f).toContain('Issued to: www.example.test');
    expect(f).toContain('Issued by: cert-tutor Teaching Intermediate CA');
    expect(f).toMatch(/Valid from \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d/);
    // Highlighted by a symbol as well as colour: readable with NO_COLOR.
    expect(f).toMatch(/★ Extended Key Usage \(2\.5\.29\.37\): serverAuth \(1\.3\.6\.1\.5\.5\.7\.3\.1\)/);
  });

  it('on a page longer than the screen, says there is more and PgDn/Space read on before turning', async () => {
    const a = start({ course: longFirstPage() });
    await a.press('enter');
    const f = await a.waitFor('more below: → or Space reads on');
    expect(f).toContain('page 1/3');
    expect(f).toMatch(/lines 1-\d+ of \d+/);
    await a.press('pageDown');
    const g = await a.waitFor(/lines (?!1-)\d+-\d+ of/);
    expect(g).toContain('page 1/3');
    // Space reads on to the bottom of the page, and only then turns it.
    for (let i = 0; i < 20 && !a.frame().includes('page 2/3'); i++) {
      expect(a.frame()).toContain('page 1/3');
      await a.press('space');
    }
    await a.waitFor('page 2/3');
    expect(a.frame()).not.toContain('more below');
    await a.press('pageUp');
    await a.waitFor('page 1/3');
  });

  it('→ and Enter read on to the bottom of a long page before turning it; Home and End stay on the page', async () => {
    const a = start({ course: longFirstPage() });
    await a.press('enter');
    await a.waitFor('more below: → or Space reads on');
    await a.press('end');
    await a.waitFor('Paragraph 40.', 'End shows the bottom of the page');
    expect(a.frame()).toContain('page 1/3');
    await a.press('home');
    await a.waitFor(/lines 1-\d+ of/, 'Home shows the top of the page');
    expect(a.frame()).toContain('page 1/3');
    // → shows a screenful of unread lines (the page does not turn) until the bottom is shown.
    await a.press('right');
    await a.waitFor(/lines (?!1-)\d+-\d+ of/);
    expect(a.frame()).toContain('page 1/3');
    for (let i = 0; i < 20 && !a.frame().includes('page 2/3'); i++) {
      if (!a.frame().includes('Paragraph 40.')) expect(a.frame()).toContain('more below');
      await a.press(i % 2 ? 'right' : 'enter');
    }
    await a.waitFor('page 2/3');
  });

  it('opens the full inspect view with i and goes back with Esc', async () => {
    const a = start();
    await a.press('enter', 'right');
    await a.waitFor('Certificate: server');
    await a.press('i');
    await a.waitFor('Inspect: server.pem');
    await a.waitFor('Serial number');
    await a.press('G');
    await a.waitFor(/lines \d+-(\d+) of \1\b/, 'the last line of the inspect view');
    expect(a.frame()).toContain('OpenSSL');
    await a.press('escape');
    await a.waitFor('page 2/3');
  });

  it('takes every key of a chunk typed faster than a frame', async () => {
    const a = start();
    await a.press('enter');
    await a.waitFor('page 1/3');
    await a.press('ll');
    await a.waitFor('page 3/3');
  });

  it('takes a number and Enter that arrive in one chunk', async () => {
    const a = start();
    await a.waitFor('Beta lesson');
    await a.press('2\r');
    await a.waitFor('Beta only page');
  });

  it('goes back home with Backspace', async () => {
    const a = start();
    await a.press('enter');
    await a.waitFor('page 1/3');
    await a.press('backspace');
    await a.waitFor('lessons done');
  });
});

describe('quiz', () => {
  const toQuiz = async () => {
    const a = start();
    await a.press('enter', 'right', 'right');
    await a.waitFor('Next: the quiz');
    await a.press('enter');
    await a.waitFor('Question q1?');
    return a;
  };

  it('explains a wrong answer, says why that choice is wrong, and saves the answer', async () => {
    const a = await toQuiz();
    await a.press('1', 'enter');
    const f = await a.waitFor('Not quite');
    expect(f).toContain('the answer is green');
    expect(f).toContain('Red is the colour of danger.');
    expect(f).toContain('Explanation for q1.');
    expect(f).toContain('✘ your answer');
    await a.waitUntil(
      () => a.saved.at(-1)?.lessons.alpha?.answers.q1 !== undefined,
      'the answer to be saved',
    );
    expect(a.saved.at(-1)?.lessons.alpha?.answers.q1).toMatchObject({ correct: false, attempts: 1 });
  });

  it('moves with j/k and shows the hint with h', async () => {
    const a = await toQuiz();
    await a.press('j', 'j', 'k', 'h');
    const f = await a.waitFor('Hint: Hint for q1.');
    expect(f).toMatch(/❯ ◉ 2\. green/);
  });

  it('scores the quiz at the end and offers to retry the missed item at once', async () => {
    const a = await toQuiz();
    await a.press('2', 'enter');
    await a.waitFor('Right.');
    await a.press('enter');
    await a.waitFor('Question q2?');
    await a.press('1', 'enter');
    await a.waitFor('Not quite');
    await a.press('enter');
    const f = await a.waitFor('You scored 1 of 2');
    expect(f).toContain('retry the 1 you missed');
    await a.waitUntil(() => a.saved.at(-1)?.lessons.alpha?.done === true, 'the score to be saved');
    expect(a.saved.at(-1)?.lessons.alpha).toMatchObject({ done: true, quiz: { score: 1, total: 2 } });
    await a.press('r');
    await a.waitFor(/retry.*question 1 of 1/);
  });
});

describe('help overlay and terminal reality', () => {
  it('lists every key of the screen underneath, straight from the key map', async () => {
    const a = start();
    await a.press('enter');
    await a.waitFor('page 1/3');
    await a.press('?');
    const f = await a.waitFor('Keys on this screen (lesson)');
    for (const row of helpRows('lesson', true)) expect(f).toContain(row.label);
    await a.press('?');
    await a.waitFor('page 1/3');
  });

  it('draws only ASCII symbols when the terminal cannot show Unicode', async () => {
    const a = start({ theme: makeTheme({ color: false, unicode: false }) });
    const f = await a.waitFor('Alpha lesson');
    expect(f).toMatch(/> 1\. Alpha lesson/);
    expect(f).toContain('[.....');
    expect(/[^\u0020-\u007E\n]/.test(f)).toBe(false);
  });

  it('adds colour codes only when colour is on', async () => {
    const a = start({ theme: makeTheme({ color: true, unicode: true }) });
    expect(await a.waitFor('Alpha lesson')).toContain('\u001B[');
    a.unmount();
    const b = start();
    expect(await b.waitFor('Alpha lesson')).not.toContain('\u001B[');
  });
});
