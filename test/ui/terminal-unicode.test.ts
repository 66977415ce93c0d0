import { describe, expect, it } from 'vitest';
import { terminalIsUnicode } from '../../src/ui/theme.js';

// figures itself says Unicode on Linux unless TERM=linux, so xterm-256color with a UTF-8 locale is
// the Unicode baseline these cases differ from by one variable.
const base = { TERM: 'xterm-256color' };

describe('terminalIsUnicode', () => {
  it('is true for a UTF-8 locale, or no locale at all', () => {
    expect(terminalIsUnicode({ ...base, LANG: 'en_GB.UTF-8' })).toBe(true);
    expect(terminalIsUnicode({ ...base, LC_ALL: 'C.utf8' })).toBe(true);
    expect(terminalIsUnicode({ ...base })).toBe(true);
  });

  it('is false for LANG=C, LC_ALL=C or POSIX, as for TERM=dumb', () => {
    expect(terminalIsUnicode({ ...base, LANG: 'C' })).toBe(false);
    expect(terminalIsUnicode({ ...base, LANG: 'en_GB.UTF-8', LC_ALL: 'C' })).toBe(false);
    expect(terminalIsUnicode({ ...base, LC_CTYPE: 'POSIX' })).toBe(false);
    expect(terminalIsUnicode({ TERM: 'dumb', LANG: 'en_GB.UTF-8' })).toBe(false);
  });

  it('lets LC_ALL override LANG, as setlocale(3) does', () => {
    expect(terminalIsUnicode({ ...base, LANG: 'C', LC_ALL: 'en_US.UTF-8' })).toBe(true);
  });
});
