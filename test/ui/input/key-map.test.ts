import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { helpRows, hintLine, intentFor, KEY_MAP } from '../../../src/ui/input/key-map.js';

const none: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};
const key = (k: Partial<Key>) => ({ ...none, ...k });

describe('key map', () => {
  it('maps arrows and j/k to the same intents', () => {
    expect(intentFor('home', '', key({ downArrow: true }))).toEqual({ intent: 'down' });
    expect(intentFor('home', 'j', none)).toEqual({ intent: 'down' });
    expect(intentFor('quiz', 'k', none)).toEqual({ intent: 'up' });
  });

  it('gives Space a meaning per screen: read on (a screenful, then the next page) in a lesson, tick in a quiz', () => {
    expect(intentFor('lesson', ' ', none)).toEqual({ intent: 'page-down' });
    expect(intentFor('quiz', ' ', none)).toEqual({ intent: 'toggle' });
  });

  it('takes a line feed as Enter (Enter typed before raw mode, turned into one by the terminal)', () => {
    expect(intentFor('home', '\n', none)).toEqual({ intent: 'select' });
    expect(intentFor('home', '', key({ return: true }))).toEqual({ intent: 'select' });
  });

  it('reads number keys as picks with their number', () => {
    expect(intentFor('quiz', '3', none)).toEqual({ intent: 'pick', n: 3 });
  });

  it('quits with q and with Ctrl+C everywhere, and goes back with Esc, Backspace or DEL', () => {
    for (const scope of ['home', 'lesson', 'quiz', 'score', 'inspect', 'help'] as const) {
      expect(intentFor(scope, 'q', none)).toEqual({ intent: 'quit' });
      expect(intentFor(scope, 'c', key({ ctrl: true }))).toEqual({ intent: 'quit' });
    }
    expect(intentFor('lesson', '', key({ escape: true }))).toEqual({ intent: 'back' });
    expect(intentFor('lesson', '', key({ delete: true }))).toEqual({ intent: 'back' });
  });

  it('ignores keys a screen does not use', () => {
    expect(intentFor('home', 'h', none)).toBeNull();
    expect(intentFor('lesson', 'r', none)).toBeNull();
  });

  it('draws hints and help from the same table', () => {
    expect(hintLine('lesson', true)).toContain('→ next page');
    expect(hintLine('lesson', false)).toContain('Right next page');
    const help = helpRows('quiz', true);
    expect(help).toHaveLength(KEY_MAP.filter((b) => b.scopes.includes('quiz')).length);
    expect(help.find((r) => r.label === 'hint')?.keys).toBe('h');
  });
});

describe('hints offer only what the screen can do', () => {
  it('leaves i out of the quiz hints when the question has nothing to inspect', () => {
    expect(hintLine('quiz', true)).toContain('i inspect');
    expect(hintLine('quiz', true, ['inspect'])).not.toContain('inspect');
    expect(hintLine('quiz', true, ['inspect'])).toContain('h hint');
  });
});
