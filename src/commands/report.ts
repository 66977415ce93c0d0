import { UsageError, UserError } from '../cli-args.js';
import { formatReportCsv, formatReportText } from '../course/report-format.js';
import { type NamedResults, summariseClass } from '../course/report-summary.js';
import { ResultsFileError, readResultsFile } from '../course/results-file.js';
import { escapeControls } from '../escape.js';
import { terminalIsUnicode } from '../ui/theme.js';
import { REPORT } from './index.js';
import { parseCommand } from './spec.js';
import type { CommandContext } from './types.js';

/**
 * `cert-tutor report FILE... [--csv]`: a class summary. A missing, unreadable or malformed file is
 * named on stderr and skipped; the rest is reported and the exit status is then 1.
 */
export async function run(argv: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommand(argv, REPORT);
  if (positionals.length === 0)
    throw new UsageError('give one or more results files (written by quiz --report FILE)');
  const good: NamedResults[] = [];
  let skipped = 0;
  for (const file of positionals) {
    try {
      good.push({ file, results: readResultsFile(file) });
    } catch (e) {
      if (!(e instanceof ResultsFileError)) throw e;
      skipped++;
      ctx.stderr.write(`cert-tutor: skipped ${escapeControls(`${file}: ${e.message}`)}\n`);
    }
  }
  if (good.length === 0) throw new UserError('no readable results file: nothing to summarise');
  const groups = summariseClass(good);
  ctx.stdout.write(
    // Names and ids come from students' files: text for a terminal is escaped (src/escape.ts).
    values.csv
      ? formatReportCsv(groups)
      : escapeControls(formatReportText(groups, { unicode: terminalIsUnicode(ctx.env) }), true),
  );
  if (!values.csv && groups.length > 1)
    ctx.stdout.write(
      `\n${groups.length} different quizzes (seed or course version differ): each summarised apart.\n`,
    );
  if (!values.csv && skipped > 0)
    ctx.stdout.write(`\n${skipped} file${skipped === 1 ? '' : 's'} skipped (see above).\n`);
  // The summary is printed, but a file that could not be counted is a problem the teacher must see.
  return skipped > 0 ? 1 : 0;
}
