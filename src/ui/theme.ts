import figures, { fallbackSymbols, mainSymbols } from 'figures';

/** Semantic colour tokens: screens name a meaning, never a colour. */
export type Token =
  | 'title'
  | 'heading'
  | 'strong'
  | 'emphasis'
  | 'code'
  | 'muted'
  | 'accent'
  | 'selected'
  | 'highlight'
  | 'success'
  | 'danger'
  | 'warning'
  | 'border';

const SGR: Record<Token, [string, string]> = {
  title: ['1;36', '22;39'],
  heading: ['1;34', '22;39'],
  strong: ['1', '22'],
  emphasis: ['3', '23'],
  code: ['33', '39'],
  muted: ['2', '22'],
  accent: ['36', '39'],
  selected: ['1;36', '22;39'],
  highlight: ['1;33', '22;39'],
  success: ['32', '39'],
  danger: ['31', '39'],
  warning: ['33', '39'],
  border: ['2', '22'],
};

/** The symbols the UI draws; each has an ASCII fallback, and none is an emoji. */
export interface Symbols {
  pointer: string;
  tick: string;
  cross: string;
  bullet: string;
  mark: string;
  info: string;
  warning: string;
  radioOn: string;
  radioOff: string;
  checkboxOn: string;
  checkboxOff: string;
  arrowUp: string;
  arrowDown: string;
  arrowRight: string;
  barFull: string;
  barEmpty: string;
  hLine: string;
  vLine: string;
  link: string;
  boxTop: string;
  boxBottom: string;
}

/** Styling for one run: `paint` adds colour only when colour is on; symbols are ASCII when needed. */
export interface Theme {
  color: boolean;
  unicode: boolean;
  paint: (token: Token, text: string) => string;
  sym: Symbols;
}

/** Builds the theme from `color` (ctx.color) and whether the terminal can show Unicode symbols. */
export function makeTheme(opts: { color: boolean; unicode: boolean }): Theme {
  const f = opts.unicode ? mainSymbols : fallbackSymbols;
  const sym: Symbols = opts.unicode
    ? {
        pointer: f.pointer,
        tick: f.tick,
        cross: f.cross,
        bullet: f.bullet,
        mark: f.star,
        info: f.info,
        warning: f.warning,
        radioOn: f.radioOn,
        radioOff: f.radioOff,
        checkboxOn: f.checkboxOn,
        checkboxOff: f.checkboxOff,
        arrowUp: f.arrowUp,
        arrowDown: f.arrowDown,
        arrowRight: f.arrowRight,
        barFull: '█',
        barEmpty: '░',
        hLine: '─',
        vLine: '│',
        link: '└─',
        boxTop: '┌',
        boxBottom: '└',
      }
    : {
        pointer: '>',
        tick: 'ok',
        cross: 'X',
        bullet: '*',
        mark: '*',
        info: 'i',
        warning: '!',
        radioOn: '(*)',
        radioOff: '( )',
        checkboxOn: '[x]',
        checkboxOff: '[ ]',
        arrowUp: '^',
        arrowDown: 'v',
        arrowRight: '->',
        barFull: '#',
        barEmpty: '.',
        hLine: '-',
        vLine: '|',
        link: '`-',
        boxTop: '+',
        boxBottom: '+',
      };
  const paint = opts.color
    ? (token: Token, text: string) => {
        const [on, off] = SGR[token];
        return text === '' ? text : `\u001B[${on}m${text}\u001B[${off}m`;
      }
    : (_token: Token, text: string) => text;
  return { color: opts.color, unicode: opts.unicode, paint, sym };
}

/**
 * Whether this terminal shows Unicode symbols: figures' own test, never on TERM=dumb, and never when
 * the locale names a character set other than UTF-8 (LANG=C, LC_ALL=POSIX). The first of LC_ALL,
 * LC_CTYPE, LANG that is set decides, as setlocale(3) does; none set leaves it to figures.
 */
export function terminalIsUnicode(env: NodeJS.ProcessEnv): boolean {
  if (env.TERM === 'dumb') return false;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  if (locale && !/utf-?8/i.test(locale)) return false;
  return figures.tick === mainSymbols.tick;
}
