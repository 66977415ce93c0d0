import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';

type Width = (s: string, o?: { ambiguousIsNarrow?: boolean }) => number;
interface TextModules {
  sw7: Width;
  sw8: Width;
  tokenize: (s: string) => unknown[];
  sliceAnsi: (s: string, from: number, to?: number) => string;
}

const root = packageRoot();
const ENTRY = `
export { default as sw7 } from 'string-width';
export { default as sw8 } from './node_modules/ink/node_modules/string-width/index.js';
export { tokenize } from '@alcalzone/ansi-tokenize';
export { default as sliceAnsi } from 'slice-ansi';
`;

let dir: string;
let patched: TextModules;
let original: TextModules;

beforeAll(async () => {
  const { unicodeFastPaths } = await import(pathToFileURL(join(root, 'scripts/unicode-fast-paths.mjs')).href);
  dir = mkdtempSync(join(tmpdir(), 'ct-unicode-'));
  const out = await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    plugins: [unicodeFastPaths],
    logLevel: 'error',
  });
  const file = join(dir, 'patched.mjs');
  writeFileSync(file, out.outputFiles[0]!.text);
  patched = await import(pathToFileURL(file).href);
  const nm = (p: string) => import(pathToFileURL(join(root, 'node_modules', p)).href);
  original = {
    sw7: (await nm('string-width/index.js')).default,
    sw8: (await nm('ink/node_modules/string-width/index.js')).default,
    tokenize: (await nm('@alcalzone/ansi-tokenize/build/index.js')).tokenize,
    sliceAnsi: (await nm('slice-ansi/index.js')).default,
  };
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every observable result of the four modules on one string. */
function results(m: TextModules, s: string) {
  return {
    sw7: [m.sw7(s), m.sw7(s, { ambiguousIsNarrow: false })],
    sw8: [m.sw8(s), m.sw8(s, { ambiguousIsNarrow: false })],
    tokens: m.tokenize(s),
    slices: [m.sliceAnsi(s, 0, 3), m.sliceAnsi(s, 2), m.sliceAnsi(s, 1, 7)],
  };
}

// Characters the fast paths must leave to the originals, and ones they take.
const TRICKY = [
  '\u001B[1;36m',
  '\u001B[0m',
  '\u001B]8;;https://example.test\u0007',
  '\r\n',
  '\r',
  '\n',
  '\t',
  '\u00AD',
  '\u200B',
  '\u200D',
  '\uFE0F',
  '\u0301',
  '\u20E3',
  '#',
  '\u2714',
  '\u2764',
  '\u00A9',
  '\u231A',
  '\u25FD',
  '\u{1F44D}',
  '\u{1F3FD}',
  '\u{1F1EB}\u{1F1F7}',
  '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}',
  '\u6F22',
  '\u1100',
  '\u1161',
  '\u11A8',
  '\uAC00',
  '\uFF9E',
  '\u0915\u094D\u0937',
  '\u0E33',
  '\u2028',
];
const PLAIN = [
  'a',
  'Z',
  ' ',
  '0',
  '.',
  '\u2500',
  '\u2502',
  '\u2588',
  '\u2591',
  '\u25CB',
  '\u25CF',
  '\u276F',
  '\u2192',
  '\u2026',
  '\u2014',
  '\u00E9',
  '\u00B7',
  '\u2713',
];

describe('unicode fast paths in the bundle (string-width, ansi-tokenize, slice-ansi)', () => {
  it('give the original results for every code point of the candidate blocks, alone and beside others', () => {
    const blocks: [number, number][] = [
      [0x00, 0x4ff],
      [0x2000, 0x2bff],
      [0xfe00, 0xfe2f],
    ];
    for (const [from, to] of blocks) {
      for (let cp = from; cp <= to; cp++) {
        const c = String.fromCodePoint(cp);
        for (const s of [
          c,
          `a${c}b`,
          `${c}${String.fromCodePoint(cp + 1)}`,
          `\u2500${c}\u0301`,
          `${c}\uFE0F`,
        ]) {
          expect(results(patched, s), `U+${cp.toString(16)} in ${JSON.stringify(s)}`).toEqual(
            results(original, s),
          );
        }
      }
    }
  });

  it('give the original results for random mixes of plain text, escapes, emoji, marks and CJK', () => {
    const piece = fc.oneof(
      fc.constantFrom(...TRICKY),
      fc.constantFrom(...PLAIN),
      fc.string({ unit: 'grapheme' }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const s = pieces.join('');
        expect(results(patched, s)).toEqual(results(original, s));
      }),
      { numRuns: 3000 },
    );
  });

  it('measure and tokenize a line of box drawing and symbols without Intl.Segmenter', () => {
    const proto = Intl.Segmenter.prototype;
    const segment = proto.segment;
    let calls = 0;
    proto.segment = function (this: Intl.Segmenter, s: string) {
      calls++;
      return segment.call(this, s);
    };
    try {
      const line = `\u276F 1. What is a certificate?  \u25CB not started ${'\u2500'.repeat(40)} \u2588\u2591`;
      const painted = `\u001B[1m${line}\u001B[0m`;
      const fast = [patched.sw8(line), patched.sw7(line), patched.tokenize(painted)];
      expect(calls).toBe(0);
      expect(fast).toEqual([original.sw8(line), original.sw7(line), original.tokenize(painted)]);
      expect(calls).toBeGreaterThan(0);
    } finally {
      proto.segment = segment;
    }
  });
});
