// An esbuild plugin for the bundle (scripts/build.mjs): faster Unicode handling in Ink's text
// modules, with the same results (test/scripts/unicode-fast-paths.test.ts compares them with the originals).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Code points the Unicode fast paths may take (older Unicode blocks; each one is checked below). */
const FAST_CANDIDATES = [
  [0x20, 0x7e],
  [0xa0, 0x4ff],
  [0x2010, 0x205e],
  [0x2070, 0x20cf],
  [0x2100, 0x23ff],
  [0x2460, 0x27bf],
  [0x2900, 0x2bff],
];

/** A regex character class (`[...]` body, `u` flag) matching exactly the sorted code points given. */
function charClass(cps) {
  const hex = (cp) => `\\u{${cp.toString(16)}}`;
  let cls = '';
  for (let i = 0; i < cps.length; ) {
    let j = i;
    while (j + 1 < cps.length && cps[j + 1] === cps[j] + 1) j++;
    cls += i === j ? hex(cps[i]) : `${hex(cps[i])}-${hex(cps[j])}`;
    i = j + 1;
  }
  return cls;
}

let aloneCache;
/**
 * Code points that are a grapheme cluster of their own beside any other of the set (checked with
 * Intl.Segmenter beside a letter and beside themselves; none is Hangul or a regional indicator, and
 * CR and LF are left out, so no cluster rule can join two of them): in a string made only of these,
 * the grapheme clusters are the code points.
 */
function aloneCodePoints() {
  if (aloneCache) return aloneCache;
  const segmenter = new Intl.Segmenter();
  const clusters = (s) => [...segmenter.segment(s)].length;
  aloneCache = [0x1b];
  for (const [from, to] of FAST_CANDIDATES)
    for (let cp = from; cp <= to; cp++) {
      const c = String.fromCodePoint(cp);
      if (clusters(`a${c}a`) === 3 && clusters(c + c) === 2) aloneCache.push(cp);
    }
  return aloneCache;
}

/** Makes a module's `const NAME = new Intl.Segmenter(...)` build on first use (ICU's break data costs ~10 ms). */
function lazySegmenter(text, path) {
  const m = text.match(/^const (\w+) = new Intl\.Segmenter\(([^)]*)\);$/m);
  const code = text.replace(/^\s*\/\/.*$/gm, '').replace(m?.[0] ?? '', '');
  if (!m || new RegExp(`\\b${m[1]}\\b(?!\\.segment\\()`).test(code))
    throw new Error(
      `unicode-fast-paths: ${path} changed (segmenter not used only through .segment); review this patch`,
    );
  return text.replace(
    m[0],
    `let ${m[1]}Instance;\nconst ${m[1]} = {segment: (s) => (${m[1]}Instance ??= new Intl.Segmenter(${m[2]})).segment(s)};`,
  );
}

/** Replaces `from` (which must occur exactly once) by `to`, or fails the build. */
function patchOnce(text, from, to, path) {
  if (text.split(from).length !== 2)
    throw new Error(`unicode-fast-paths: ${path} changed; review this patch`);
  return text.replace(from, to);
}

/**
 * Ink measures and slices every string by grapheme cluster with Intl.Segmenter (string-width 7 for
 * wrap-ansi, 8 for Ink, @alcalzone/ansi-tokenize for each output line) and tests clusters against
 * large Unicode-property regexes; on a cold start that is ~20-30 ms of the first frame, and merely
 * building string-width 8's /^\p{RGI_Emoji}$/v costs ~15-25 ms more. Each module gets a fast path
 * with the same result, and its segmenter (and that regex) is made on first use:
 * - string-width: a string made only of "alone" code points whose width that very copy of
 *   string-width gives as their East Asian width (checked with it, both ambiguity settings) is
 *   measured as the sum of those widths;
 * - ansi-tokenize: a string made only of "alone" code points is walked by code point.
 * A code point that fails a check is not in the fast set, so strings with it take the original path.
 */
export const unicodeFastPaths = {
  name: 'unicode-fast-paths',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/](?:.*[\\/])?string-width[\\/]index\.js$/ }, async (args) => {
      let text = readFileSync(args.path, 'utf8');
      const { default: stringWidth } = await import(pathToFileURL(args.path).href);
      const eawPath = createRequire(args.path).resolve('get-east-asian-width');
      const { eastAsianWidth } = await import(pathToFileURL(eawPath).href);
      const fast = aloneCodePoints().filter((cp) =>
        [true, false].every(
          (narrow) =>
            stringWidth(String.fromCodePoint(cp), { ambiguousIsNarrow: narrow }) ===
            eastAsianWidth(cp, { ambiguousAsWide: !narrow }),
        ),
      );
      const anchor = '\tif (string.length === 0) {\n\t\treturn 0;\n\t}\n';
      text = patchOnce(
        text,
        anchor,
        `${anchor}\tif (/^[${charClass(fast)}]*$/u.test(string)) {\n\t\tlet fastWidth = 0;\n\t\tfor (const character of string) fastWidth += eastAsianWidth(character.codePointAt(0), {ambiguousAsWide: !ambiguousIsNarrow});\n\t\treturn fastWidth;\n\t}\n`,
        args.path,
      );
      const rgi = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
      if (text.includes(rgi)) {
        text = patchOnce(text, rgi, 'let rgiEmojiRegex;', args.path);
        text = patchOnce(
          text,
          'rgiEmojiRegex.test(',
          '(rgiEmojiRegex ??= /^\\p{RGI_Emoji}$/v).test(',
          args.path,
        );
      }
      return { contents: lazySegmenter(text, args.path), loader: 'js', resolveDir: dirname(args.path) };
    });
    b.onLoad({ filter: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      text = patchOnce(
        text,
        'for (const { segment, index } of segmenter.segment(str)) {',
        `for (const { segment, index } of (/^[${charClass(aloneCodePoints())}]*$/u.test(str) ? codePointSegments(str) : segmenter.segment(str))) {`,
        args.path,
      );
      text +=
        '\nfunction codePointSegments(s) {\n    const out = [];\n    let index = 0;\n    for (const segment of s) {\n        out.push({ segment, index });\n        index += segment.length;\n    }\n    return out;\n}\n';
      return { contents: lazySegmenter(text, args.path), loader: 'js', resolveDir: dirname(args.path) };
    });
    b.onLoad({ filter: /[\\/]slice-ansi[\\/]tokenize-ansi\.js$/ }, (args) => ({
      contents: lazySegmenter(readFileSync(args.path, 'utf8'), args.path),
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};
