import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileEvidence, NEUTRAL_FILE_LABEL } from '../../src/course/present-question.js';
import type { QuizItem } from '../../src/course/types.js';
import { fixturesDir } from '../../src/paths.js';
import { inspectFile } from '../../src/pki/index.js';
import { quizFixtureLines } from '../../src/plain/quiz-card.js';

const now = new Date('2026-11-26T12:00:00Z');
const fixture = (rel: string) => join(fixturesDir(), rel);

const question = (kind: QuizItem['kind'], rel: string, password?: string): QuizItem => ({
  id: 'q',
  lessonId: 'l',
  kind,
  prompt: 'p',
  fixture: { ref: `builtin:${rel}`, path: fixture(rel), index: 0, ...(password ? { password } : {}) },
  choices: ['a', 'b'],
  answer: ['a'],
  hint: 'h',
  explanation: 'e',
  wrong: {},
  source: 'authored',
});

describe('a question on a whole file shows its contents, not the conclusion', () => {
  it('a KeySpec question shows the raw key attribute 2.5.29.15 (0x10), not the KeySpec name or the file name', async () => {
    const report = await inspectFile(fixture('containers/client-keyex.pfx'), { now, password: 'cert-tutor' });
    const hidden = fileEvidence(report, true).join('\n');
    expect(hidden).toContain('key attribute 2.5.29.15: 0x10');
    expect(hidden).not.toMatch(/AT_KEYEXCHANGE|AT_SIGNATURE|KeySpec/);
    const lines = quizFixtureLines(
      question('keyspec', 'containers/client-keyex.pfx', 'cert-tutor'),
      report,
    ).join('\n');
    expect(lines).toContain(`File: ${NEUTRAL_FILE_LABEL}`);
    expect(lines).not.toMatch(/keyex|AT_KEYEXCHANGE/);
    // After the answer, the name is given beside the raw value.
    expect(fileEvidence(report, false).join('\n')).toContain(
      'KeySpec AT_KEYEXCHANGE (key attribute 2.5.29.15: 0x10)',
    );
  });

  it('a key-presence question on a .key file shows its PEM block, not "this file holds a private key"', async () => {
    const report = await inspectFile(fixture('containers/client.key'), { now });
    const lines = quizFixtureLines(question('has-private-key', 'containers/client.key'), report).join('\n');
    expect(lines).toContain('Block: PRIVATE KEY; RSA 2048 bits');
    expect(lines).toContain('Certificates: 0');
    expect(lines).not.toMatch(/holds a private key|client\.key|cannot show/);
  });

  it('a CSR question leaves out the engine note that a CSR holds no private key', async () => {
    const report = await inspectFile(fixture('containers/client.csr'), { now });
    const hidden = fileEvidence(report, true);
    expect(hidden.join('\n')).toContain('requested extensions');
    expect(hidden.join('\n')).not.toMatch(/private key/i);
  });
});
