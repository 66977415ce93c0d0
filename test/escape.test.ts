import { describe, expect, it } from 'vitest';
import { escapeControls, escapeDeep, hasControls } from '../src/escape.js';

describe('escapeControls', () => {
  it('shows C0, DEL, C1 and bidi controls as visible escapes and leaves other text alone', () => {
    expect(escapeControls('a\u001b]0;x\u0007b')).toBe('a\\x1b]0;x\\x07b');
    expect(escapeControls('O=x\r\nFake: yes')).toBe('O=x\\x0d\\x0aFake: yes');
    expect(escapeControls('\u007f\u0085\u009b')).toBe('\\x7f\\x85\\x9b');
    expect(escapeControls('moc.\u202eevil')).toBe('moc.\\u202eevil');
    expect(escapeControls('\u2066\u2069\u200e\u061c')).toBe('\\u2066\\u2069\\u200e\\u061c');
    expect(escapeControls('Zürich — www.example.test ✔')).toBe('Zürich — www.example.test ✔');
  });

  it('keeps newlines only when asked (multi-line text such as Markdown)', () => {
    expect(escapeControls('a\nb\u001b', true)).toBe('a\nb\\x1b');
    expect(escapeControls('a\nb')).toBe('a\\x0ab');
  });

  it('tells whether a string holds such characters', () => {
    expect(hasControls('www.example.test')).toBe(false);
    expect(hasControls('a\u001b[2J.example')).toBe(true);
    expect(hasControls('x\u202ey')).toBe(true);
  });

  it('escapes every string of plain data, leaving numbers, booleans and null as they are', () => {
    const data = { a: 'x\u001b', n: 3, b: true, z: null, list: ['\u0007', { deep: '\u202e' }] };
    expect(escapeDeep(data)).toEqual({
      a: 'x\\x1b',
      n: 3,
      b: true,
      z: null,
      list: ['\\x07', { deep: '\\u202e' }],
    });
    expect(data.a).toBe('x\u001b');
  });
});
