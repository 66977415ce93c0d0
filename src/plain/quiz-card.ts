import type { QuizItem } from '../course/types.js';
import type { FileReport } from '../pki/types.js';
import { certificateCard, fileCard } from './cert-card.js';

// Questions about a whole file show the file; questions about one certificate show only its
// fields, without the file name or the engine's conclusion (which would give the answer away).
const FILE_KINDS = new Set(['has-private-key', 'keyspec']);

/** The labelled lines shown with a quiz item's fixture. */
export function quizFixtureLines(item: QuizItem, report: FileReport): string[] {
  if (!item.fixture) return [];
  const name = item.fixture.ref.replace(/^builtin:/, '').replace(/#\d+$/, '');
  if (report.error && report.certificates.length === 0) return [`File: ${name} (${report.error})`];
  if (FILE_KINDS.has(item.kind) || item.id.startsWith('gen:chain:')) return fileCard(report, name);
  const cert = report.certificates[item.fixture.index];
  return cert ? certificateCard(cert, { title: 'The certificate:' }) : fileCard(report, name);
}
