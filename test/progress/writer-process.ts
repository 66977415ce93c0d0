/**
 * A second window, as a real process: records `count` answers to items `<tag>-0..` of lesson `a`
 * (answer and review card, the way `cert-tutor quiz` does) through the store, each a locked
 * read-merge-write, then prints the notices it was given as JSON. It starts writing only once the
 * file GO exists, so that several writers start together.
 * Run: node --import tsx writer-process.ts HOME TAG COUNT GO
 */
import { existsSync } from 'node:fs';
import { recordAnswer } from '../../src/progress/record.js';
import { recordReview } from '../../src/progress/review.js';
import { updateProgress } from '../../src/progress/store.js';

const [home, tag, count, go] = process.argv.slice(2) as [string, string, string, string];
while (!existsSync(go)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
const notices: string[] = [];
for (let i = 0; i < Number(count); i++) {
  const now = new Date(Date.UTC(2030, 0, 1, 12, 0, i));
  updateProgress(
    home,
    (d) => recordReview(recordAnswer(d, 'a', `${tag}-${i}`, i % 2 === 0, now), `a/${tag}-${i}`, 'good', now),
    (t) => notices.push(t),
  );
}
process.stdout.write(JSON.stringify(notices));
