import { describe, expect, it } from 'vitest';
import { wrapLines } from '../../../src/ui/components/wrap.js';

describe('wrapLines', () => {
  it('never leaves a lone mark on a line of its own', () => {
    // "accepted ✔" is 10 columns: the mark goes down with its word instead of alone.
    expect(wrapLines('the handshake was accepted ✔', 26)).toEqual(['the handshake was', 'accepted ✔']);
    expect(wrapLines('result: refused ✘', 15)).toEqual(['result:', 'refused ✘']);
  });

  it('starts no wrapped line with a space, also behind a colour code', () => {
    const lines = wrapLines('abc \u001B[32m defgh ijk\u001B[39m lmnop', 5);
    const shown = lines.map((l) => l.replace(/\u001B\[[0-9;]*m/g, ''));
    expect(shown).toEqual(['abc', 'defgh', 'ijk', 'lmnop']);
  });

  it('keeps ordinary text as wrap-ansi wraps it', () => {
    expect(wrapLines('a - b and c', 100)).toEqual(['a - b and c']);
    expect(wrapLines('one two three', 7)).toEqual(['one two', 'three']);
  });
});
