import type { Key } from 'ink';

/** What a key means; screens and the reducer speak only in intents. */
export type Intent =
  | 'up'
  | 'down'
  | 'next'
  | 'prev'
  | 'page-down'
  | 'page-up'
  | 'first'
  | 'last'
  | 'pick'
  | 'toggle'
  | 'select'
  | 'hint'
  | 'retry'
  | 'inspect'
  | 'lab'
  | 'review'
  | 'practice'
  | 'exercises'
  | 'recheck'
  | 'predict-accepted'
  | 'predict-refused'
  | 'back'
  | 'help'
  | 'quit';

/** Where a binding applies: a screen kind (a lab's menu, or a lab run shown), or the help overlay. */
export type Scope =
  | 'home'
  | 'lesson'
  | 'quiz'
  | 'score'
  | 'inspect'
  | 'lab'
  | 'lab-run'
  | 'exercise'
  | 'help';

type Special =
  | 'upArrow'
  | 'downArrow'
  | 'leftArrow'
  | 'rightArrow'
  | 'return'
  | 'escape'
  | 'backspace'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end';

/** One key: a special key, a printable character, Ctrl+letter, or any digit 1-9. */
export type KeySpec = { special: Special } | { char: string } | { ctrl: string } | { digit: true };

/** One row of the key map: the keys, the intent, where it applies and how it is described. */
export interface Binding {
  intent: Intent;
  keys: KeySpec[];
  scopes: readonly Scope[];
  /** Short label for the footer hint line and the help ("next page"). */
  label: string;
  /** What the key does on a particular screen, when that says more than `label`. */
  labelOn?: Partial<Record<Scope, string>>;
  /** Shown in the footer hint line, not only in the help overlay. */
  isHinted: boolean;
}

const ALL: readonly Scope[] = ['home', 'lesson', 'quiz', 'score', 'inspect', 'lab', 'lab-run', 'exercise'];

/** THE key map: keys to intents, the footer hints and the help overlay all come from this table. */
export const KEY_MAP: readonly Binding[] = [
  { intent: 'help', keys: [{ char: '?' }], scopes: [...ALL, 'help'], label: 'help', isHinted: true },
  {
    intent: 'quit',
    keys: [{ char: 'q' }, { ctrl: 'c' }],
    scopes: [...ALL, 'help'],
    label: 'quit (progress is saved)',
    isHinted: true,
  },
  {
    intent: 'back',
    keys: [{ special: 'escape' }, { special: 'backspace' }],
    scopes: ['lesson', 'quiz', 'score', 'inspect', 'lab', 'lab-run', 'exercise', 'help'],
    label: 'back',
    labelOn: { 'lab-run': 'back to the choices' },
    isHinted: true,
  },
  {
    intent: 'up',
    keys: [{ special: 'upArrow' }, { char: 'k' }],
    scopes: ['home', 'quiz', 'lesson', 'inspect', 'lab', 'lab-run', 'exercise'],
    label: 'move up / scroll',
    labelOn: {
      home: 'move up',
      quiz: 'move up',
      lab: 'move up',
      lesson: 'scroll up',
      inspect: 'scroll up',
      'lab-run': 'scroll up',
      exercise: 'scroll up',
    },
    isHinted: false,
  },
  {
    intent: 'down',
    keys: [{ special: 'downArrow' }, { char: 'j' }],
    scopes: ['home', 'quiz', 'lesson', 'inspect', 'lab', 'lab-run', 'exercise'],
    label: 'move down / scroll',
    labelOn: {
      home: 'move down',
      quiz: 'move down',
      lab: 'move down',
      lesson: 'scroll down',
      inspect: 'scroll down',
      'lab-run': 'scroll down',
      exercise: 'scroll down',
    },
    isHinted: false,
  },
  // Before 'next': on scrollable views Space and PgDn read on (a lab result is scrolled, never re-run).
  {
    intent: 'page-down',
    keys: [{ special: 'pageDown' }, { char: ' ' }],
    scopes: ['lesson', 'inspect', 'lab-run'],
    label: 'scroll a screenful down',
    labelOn: { lesson: 'scroll a screenful down, then next page' },
    isHinted: false,
  },
  {
    intent: 'page-up',
    keys: [{ special: 'pageUp' }],
    scopes: ['lesson', 'inspect', 'lab-run'],
    label: 'scroll a screenful up',
    labelOn: { lesson: 'scroll a screenful up, then previous page' },
    isHinted: false,
  },
  {
    intent: 'next',
    keys: [{ special: 'rightArrow' }, { char: 'l' }, { char: ' ' }, { char: 'n' }, { special: 'pageDown' }],
    scopes: ['lesson', 'lab', 'lab-run', 'exercise'],
    label: 'next page',
    labelOn: { lab: 'next lab', 'lab-run': 'next choice', exercise: 'next exercise' },
    isHinted: true,
  },
  {
    intent: 'prev',
    keys: [{ special: 'leftArrow' }, { char: 'p' }, { special: 'pageUp' }],
    scopes: ['lesson', 'lab', 'lab-run'],
    label: 'previous page',
    labelOn: { lab: 'previous lab', 'lab-run': 'previous choice' },
    isHinted: true,
  },
  {
    intent: 'first',
    keys: [{ char: 'g' }, { special: 'home' }],
    scopes: ['home', 'lesson', 'quiz', 'inspect', 'lab', 'lab-run'],
    label: 'first',
    isHinted: false,
  },
  {
    intent: 'last',
    keys: [{ char: 'G' }, { special: 'end' }],
    scopes: ['home', 'lesson', 'quiz', 'inspect', 'lab', 'lab-run'],
    label: 'last',
    isHinted: false,
  },
  {
    intent: 'pick',
    keys: [{ digit: true }],
    scopes: ['home', 'quiz', 'lab', 'lab-run'],
    label: 'pick by number',
    labelOn: { lab: 'run that choice', 'lab-run': 'run that choice' },
    isHinted: true,
  },
  {
    intent: 'toggle',
    keys: [{ char: ' ' }],
    scopes: ['quiz'],
    label: 'tick a choice (several answers)',
    isHinted: false,
  },
  {
    intent: 'select',
    keys: [{ special: 'return' }],
    scopes: ['home', 'lesson', 'quiz', 'score', 'lab', 'lab-run'],
    label: 'open / answer / continue',
    labelOn: {
      home: 'open',
      lesson: 'next page',
      quiz: 'answer / next',
      score: 'continue',
      lab: 'run it',
      'lab-run': 'back to the choices',
    },
    isHinted: true,
  },
  {
    intent: 'hint',
    keys: [{ char: 'h' }],
    scopes: ['quiz', 'exercise'],
    label: 'hint',
    labelOn: { exercise: 'next hint' },
    isHinted: true,
  },
  {
    intent: 'recheck',
    keys: [{ char: 'r' }],
    scopes: ['exercise'],
    label: 're-check now (the folder is also watched)',
    isHinted: true,
  },
  {
    intent: 'retry',
    keys: [{ char: 'r' }],
    scopes: ['score'],
    label: 'retry the missed ones',
    isHinted: true,
  },
  {
    intent: 'inspect',
    keys: [{ char: 'i' }],
    scopes: ['lesson', 'quiz'],
    label: 'inspect the certificate',
    isHinted: true,
  },
  {
    intent: 'predict-accepted',
    keys: [{ char: 'a' }],
    scopes: ['lab'],
    label: 'predict "accepted", then run the choice',
    isHinted: false,
  },
  {
    intent: 'predict-refused',
    keys: [{ char: 'r' }],
    scopes: ['lab'],
    label: 'predict "refused", then run the choice',
    isHinted: false,
  },
  {
    intent: 'lab',
    keys: [{ char: 't' }],
    scopes: ['home', 'lesson'],
    label: 'TLS lab (a real handshake on 127.0.0.1)',
    labelOn: { home: 'TLS labs' },
    isHinted: true,
  },
  {
    intent: 'review',
    keys: [{ char: 'v' }],
    scopes: ['home'],
    label: 'review what is due',
    isHinted: true,
  },
  {
    intent: 'practice',
    keys: [{ char: 'p' }],
    scopes: ['home'],
    label: 'practice (10 questions from real certificates)',
    isHinted: true,
  },
  {
    intent: 'exercises',
    keys: [{ char: 'x' }],
    scopes: ['home', 'lesson'],
    label: "exercise (this lesson's hands-on exercise)",
    labelOn: { home: 'exercises' },
    // The home and lesson hint lines are full at 100 columns: x is listed by ? (and the README).
    isHinted: false,
  },
];

function matches(spec: KeySpec, input: string, key: Key): boolean {
  if ('special' in spec) {
    // Many terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`.
    if (spec.special === 'backspace') return key.backspace || key.delete;
    // Enter typed while the course was starting was read in cooked mode, where the terminal turns
    // it into a line feed (ICRNL, termios(3)): take that as Enter too.
    if (spec.special === 'return') return key.return || input === '\n';
    return key[spec.special];
  }
  if ('ctrl' in spec) return key.ctrl && input === spec.ctrl;
  if ('digit' in spec) return !key.ctrl && !key.meta && /^[1-9]$/.test(input);
  return !key.ctrl && !key.meta && input === spec.char;
}

/** Turns one key press into an intent for `scope` (and the digit, for `pick`), or null. */
export function intentFor(scope: Scope, input: string, key: Key): { intent: Intent; n?: number } | null {
  for (const b of KEY_MAP) {
    if (!b.scopes.includes(scope)) continue;
    if (b.keys.some((k) => matches(k, input, key))) {
      return b.intent === 'pick' ? { intent: 'pick', n: Number(input) } : { intent: b.intent };
    }
  }
  return null;
}

/** How a key is written in hints and help (arrows drawn as words when Unicode is off). */
export function keyName(spec: KeySpec, unicode: boolean): string {
  if ('digit' in spec) return '1-9';
  if ('ctrl' in spec) return `Ctrl+${spec.ctrl.toUpperCase()}`;
  if ('char' in spec) return spec.char === ' ' ? 'Space' : spec.char;
  const arrows: Partial<Record<Special, [string, string]>> = {
    upArrow: ['↑', 'Up'],
    downArrow: ['↓', 'Down'],
    leftArrow: ['←', 'Left'],
    rightArrow: ['→', 'Right'],
  };
  const a = arrows[spec.special];
  if (a) return unicode ? a[0] : a[1];
  const names: Record<string, string> = {
    return: 'Enter',
    escape: 'Esc',
    backspace: 'Backspace',
    pageUp: 'PgUp',
    pageDown: 'PgDn',
    home: 'Home',
    end: 'End',
  };
  return names[spec.special] ?? spec.special;
}

/** What a binding does on the screen of `scope`. */
export const labelFor = (b: Binding, scope: Scope) => b.labelOn?.[scope] ?? b.label;

/** The bindings of a scope, in table order. */
export const bindingsFor = (scope: Scope) => KEY_MAP.filter((b) => b.scopes.includes(scope));

/**
 * The footer hint line for a scope: "? help · → next page · ...", drawn from the table. Keys that
 * do nothing on this screen right now (`unavailable`: `i` with nothing to inspect) are not offered.
 */
export function hintLine(scope: Scope, unicode: boolean, unavailable: readonly Intent[] = []): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const b of bindingsFor(scope)) {
    if (unavailable.includes(b.intent)) continue;
    const label = labelFor(b, scope).replace(/ \(.*\)$/, '');
    // Two keys doing the same thing on this screen (→ and Enter in a lesson): hint the first only.
    if (!b.isHinted || seen.has(label)) continue;
    seen.add(label);
    parts.push(`${keyName(b.keys[0]!, unicode)} ${label}`);
  }
  return parts.join('  ');
}

/** The help overlay's rows for a scope: every key of every binding, with its description. */
export function helpRows(scope: Scope, unicode: boolean): { keys: string; label: string }[] {
  return bindingsFor(scope).map((b) => ({
    keys: b.keys.map((k) => keyName(k, unicode)).join(', '),
    label: labelFor(b, scope),
  }));
}
