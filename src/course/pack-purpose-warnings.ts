/**
 * `lessons --check` warnings for explanations that contradict the answer the engine computes about
 * a certificate's purposes: a yes/no item whose explanation opens with the other word, and a quoted
 * OpenSSL `-purpose` row ("SSL client : Yes") that the fixture's row does not say. Deliberately
 * narrow: only statements that cannot be read two ways.
 */
import { join } from 'node:path';
import { OPENSSL_ROWS, type OpenSslRow } from '../pki/types.js';
import { fixtureReader, type InspectFixture } from './fixture-open.js';
import type { Course } from './types.js';

// Longest row names first, so "SSL client CA" is not read as "SSL client".
const ROWS = [...OPENSSL_ROWS].sort((a, b) => b.length - a.length);
const ROW_QUOTE = new RegExp(
  `(${ROWS.map((r) => r.replace(/[/]/g, '\\/')).join('|')})\\s*:\\s*(Yes|No)\\b`,
  'g',
);

/** The OpenSSL rows an explanation quotes, with the word it gives each ("SSL client : Yes"). */
export function quotedRows(text: string): { row: OpenSslRow; says: 'Yes' | 'No' }[] {
  return [...text.matchAll(ROW_QUOTE)].map((m) => ({ row: m[1] as OpenSslRow, says: m[2] as 'Yes' | 'No' }));
}

/** The warnings, one line each, as `quiz.yaml: warning: item 'ID': ...`. */
export async function purposeWarnings(
  course: Course,
  dir: string,
  read: InspectFixture = fixtureReader(new Date(course.clock)),
): Promise<string[]> {
  const out: string[] = [];
  for (const lesson of course.lessons) {
    const file = join(dir, lesson.id, 'quiz.yaml');
    for (const item of lesson.quiz) {
      if (!item.fixture) continue;
      const warn = (what: string) => out.push(`${file}: warning: item '${item.id}': ${what}`);
      const answer = item.answer.length === 1 ? item.answer[0]!.toLowerCase() : '';
      const opening = /^\s*(yes|no)\s*[,.:;!\u2014-]/i.exec(item.explanation)?.[1]?.toLowerCase();
      if ((answer === 'yes' || answer === 'no') && opening && opening !== answer)
        warn(
          `the explanation opens with '${opening}' but the answer computed from ${item.fixture.ref} is '${answer}'; fix the text or the fixture`,
        );
      const quoted = quotedRows(item.explanation);
      if (quoted.length === 0) continue;
      const report = await read(item.fixture.path, item.fixture.password).catch(() => undefined);
      const c = report?.certificates[item.fixture.index];
      if (!c) continue;
      for (const q of quoted) {
        const engine = c.opensslText[q.row];
        if (engine !== undefined && engine.startsWith('Yes') !== (q.says === 'Yes'))
          warn(
            `the explanation quotes OpenSSL's "${q.row} : ${q.says}", but for ${item.fixture.ref} that row is "${engine}"; fix the text or the fixture`,
          );
      }
    }
  }
  return out;
}
