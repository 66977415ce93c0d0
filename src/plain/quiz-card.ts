import { fileEvidence, isFileQuestion, NEUTRAL_FILE_LABEL } from '../course/present-question.js';
import type { QuizItem } from '../course/types.js';
import type { FileReport } from '../pki/types.js';
import { certificateCard, fileCard } from './cert-card.js';

// Questions about a whole file show its contents as evidence; questions about one certificate show
// only its fields. Neither shows the file name (it may encode the answer: client-keyex.pfx) nor
// the engine's conclusion; the line mode prints the card once, before the answer.

/** The labelled lines shown with a quiz item's fixture. */
export function quizFixtureLines(item: QuizItem, report: FileReport): string[] {
  if (!item.fixture) return [];
  const name = NEUTRAL_FILE_LABEL;
  if (report.error && report.certificates.length === 0) return [`File: ${name} (${report.error})`];
  if (isFileQuestion(item)) return [`File: ${name}`, ...fileEvidence(report, true).map((l) => `  ${l}`)];
  if (item.id.startsWith('gen:chain:')) return fileCard(report, name);
  const cert = report.certificates[item.fixture.index];
  return cert ? certificateCard(cert, { title: 'The certificate:' }) : fileCard(report, name);
}
