/**
 * The one escaping function for text that came from outside (certificates, file names, packs,
 * results files) on its way to a terminal. C0 controls (except the newlines a caller allows), DEL,
 * C1 controls and the bidirectional controls (U+061C, U+200E-U+200F, U+202A-U+202E,
 * U+2066-U+2069) are shown as `\xNN` / `\uNNNN`, so an escape sequence can neither clear the screen
 * or retitle the terminal nor make a name read as something it is not. JSON output is not
 * escaped here: JSON.stringify already writes every control character as `\uNNNN`.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_KEEP_NEWLINES =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const visible = (c: string) => {
  const code = c.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** `s` with every unsafe character made visible; `keepNewlines` leaves \n alone (multi-line text). */
export function escapeControls(s: string, keepNewlines = false): string {
  return s.replace(keepNewlines ? UNSAFE_KEEP_NEWLINES : UNSAFE, visible);
}

/** Whether `s` holds a character escapeControls would change (\n counts). */
export const hasControls = (s: string): boolean => new RegExp(UNSAFE.source).test(s);

/** A deep copy of plain data with every string escaped (for a text rendering of a report). */
export function escapeDeep<T>(value: T): T {
  if (typeof value === 'string') return escapeControls(value) as T;
  if (Array.isArray(value)) return value.map((v) => escapeDeep(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = escapeDeep(v);
    return out as T;
  }
  return value;
}
