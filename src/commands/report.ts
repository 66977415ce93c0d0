import { UsageError, UserError } from '../cli-args.js';
import { formatReportCsv, formatReportText } from '../course/report-format.js';
import { type NamedResults, summariseClass } from '../course/report-summary.js';
import { ResultsFileError, readResultsFile } from '../course/results-file.js';
import { REPORT } from './index.js';
import { parseCommand } from './spec.js';
import type { CommandContext } from './types.js';

/** `cert-tutor report FILE... [--csv]`: a class summary; malformed files are named and skipped. */
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
      ctx.stderr.write(`cert-tutor: skipped ${file}: ${e.message}\n`);
    }
  }
  if (good.length === 0) throw new UserError('no readable results file: nothing to summarise');
  const groups = summariseClass(good);
  ctx.stdout.write(values.csv ? formatReportCsv(groups) : formatReportText(groups));
  if (!values.csv && groups.length > 1)
    ctx.stdout.write(
      `\n${groups.length} different quizzes (seed or course version differ): each summarised apart.\n`,
    );
  if (!values.csv && skipped > 0)
    ctx.stdout.write(`\n${skipped} file${skipped === 1 ? '' : 's'} skipped (see above).\n`);
  return 0;
}
