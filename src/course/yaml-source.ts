import { isMap, LineCounter, type Node, parseDocument, visit } from 'yaml';

/** A problem at a 1-based line of one file (the file is added by the caller). */
export interface LineProblem {
  line: number;
  message: string;
}

/** A YAML file parsed with positions, so every problem can name its line. */
export interface YamlSource {
  /** The plain value (undefined when the file has a syntax error). */
  value: unknown;
  /** Syntax errors, one per line; when any, `value` is undefined. */
  syntaxErrors: LineProblem[];
  /** The line of the node at `path`, or of its nearest existing parent (1 for the whole file). */
  lineOf(path: readonly (string | number)[]): number;
  /** The line of the key `key` of the map at `path` (falls back to lineOf(path)). */
  keyLineOf(path: readonly (string | number)[], key: string): number;
}

/** How many alias expansions a file may make (yaml's own default, written down here). */
export const MAX_ALIAS_COUNT = 100;

/** Parses YAML text, keeping line numbers for every node. */
export function parseYamlSource(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  // Later errors are usually echoes of the first: report that one, where the author must look.
  const syntaxErrors = doc.errors.slice(0, 1).map((e) => ({
    line: lineAt(e.pos[0]),
    message: syntaxMessage(e.code, e.message),
  }));
  const nodeLine = (node: unknown): number | undefined => {
    const range = (node as Node | null)?.range;
    return range ? lineAt(range[0]) : undefined;
  };
  const lineOf = (path: readonly (string | number)[]): number => {
    for (let n = path.length; n > 0; n--) {
      const line = nodeLine(doc.getIn(path.slice(0, n), true));
      if (line !== undefined) return line;
    }
    return nodeLine(doc.contents) ?? 1;
  };
  const keyLineOf = (path: readonly (string | number)[], key: string): number => {
    const parent = path.length ? doc.getIn(path, true) : doc.contents;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      const line = nodeLine(pair?.key);
      if (line !== undefined) return line;
    }
    return lineOf(path);
  };
  let value: unknown;
  if (syntaxErrors.length === 0) {
    try {
      // yaml refuses to expand aliases past MAX_ALIAS_COUNT (a "billion laughs" file would take
      // all memory): it throws, and the author gets the line of the first alias instead.
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      let line = nodeLine(doc.contents) ?? 1;
      visit(doc, {
        Alias(_key, node) {
          line = nodeLine(node) ?? line;
          return visit.BREAK;
        },
      });
      syntaxErrors.push({
        line,
        message: `YAML aliases expand too far (more than ${MAX_ALIAS_COUNT} copies); write the values out instead of repeating *aliases`,
      });
    }
  }
  return { value, syntaxErrors, lineOf, keyLineOf };
}

const ADVICE: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: "put the text in quotes: ': ' inside unquoted text starts a new key",
  DUPLICATE_KEY: 'remove or rename the repeated key',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MISSING_CHAR: 'close the quote or bracket that was opened above',
};

function syntaxMessage(code: string, raw: string): string {
  // The library's message may span lines (it quotes the source) and repeat the position: keep the gist.
  const gist = (raw.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  return `YAML syntax error: ${gist}; ${ADVICE[code] ?? 'check the indentation and quoting'}`;
}
