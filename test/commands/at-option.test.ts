import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli-args.js';
import { parseAtOption } from '../../src/commands/at-option.js';
import { run as inspect } from '../../src/commands/inspect.js';
import { fixturesDir } from '../../src/paths.js';
import { scriptedContext } from './command-context.js';

const now = new Date('2026-11-26T12:00:00Z');

describe('--at', () => {
  it.each([
    ['2030-02-28', '2030-02-28T00:00:00.000Z'],
    ['2028-02-29', '2028-02-29T00:00:00.000Z'], // a leap year
    ['2000-02-29', '2000-02-29T00:00:00.000Z'], // divisible by 400: leap
    ['2030-04-30T23:59:59Z', '2030-04-30T23:59:59.000Z'],
    ['2030-01-01T12:00:00+02:00', '2030-01-01T10:00:00.000Z'],
    ['2030-01-01T12:00:00.5Z', '2030-01-01T12:00:00.500Z'],
  ])('reads %s as %s', (value, iso) => {
    expect(parseAtOption(value, now).toISOString()).toBe(iso);
  });

  it('is `now` when not given', () => {
    expect(parseAtOption(undefined, now)).toBe(now);
  });

  it.each([
    '2030-02-30', // not 2 March
    '2030-02-29', // not a leap year
    '2100-02-29', // divisible by 100, not by 400
    '2030-04-31',
    '2030-13-01',
    '2030-00-10',
    '2030-01-00',
    '2030-01-01T24:00:00Z',
    '2030-01-01T12:60:00Z',
    '2030-01-01T12:00:60Z',
    '2030-01-01T12:00:00+24:00',
    'yesterday',
    'Nov 26 2026',
    '2030-1-1',
  ])('refuses %s with a one-line usage error', (value) => {
    expect(() => parseAtOption(value, now)).toThrow(UsageError);
    expect(() => parseAtOption(value, now)).toThrow(
      `--at needs a calendar date such as 2026-11-26 or 2026-11-26T12:00:00Z, not '${value}'`,
    );
  });

  it('cert-tutor inspect --at 2030-02-30 is a usage error, not 2 March', async () => {
    const s = scriptedContext('', now, {});
    await expect(inspect(['--at', '2030-02-30', `${fixturesDir()}/leaf/server.pem`], s.ctx)).rejects.toThrow(
      UsageError,
    );
  });
});
