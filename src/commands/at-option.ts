import { UsageError } from '../cli-args.js';

// 2026-11-26, or 2026-11-26T12:00, 2026-11-26T12:00:00, with .fraction and Z or ±HH:MM (RFC 3339 section 5.6).
const AT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?)?$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The instant `--at` names (a date alone is midnight UTC), or `now` when it is not given. A date that
 * is not on the calendar (2030-02-30, month 13, hour 24) is a usage error, never rolled over into
 * the next month the way Date would.
 */
export function parseAtOption(value: string | undefined, now: Date): Date {
  if (value === undefined) return now;
  const bad = () =>
    new UsageError(`--at needs a calendar date such as 2026-11-26 or 2026-11-26T12:00:00Z, not '${value}'`);
  const m = AT.exec(value);
  if (!m) throw bad();
  const n = (i: number) => (m[i] === undefined ? 0 : Number(m[i]));
  const [year, month, day] = [n(1), n(2), n(3)];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) throw bad();
  if (n(4) > 23 || n(5) > 59 || n(6) > 59 || n(8) > 23 || n(9) > 59) throw bad();
  // A time without a zone is local time, as Date reads it.
  const d = new Date(m[4] === undefined ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime())) throw bad();
  return d;
}
