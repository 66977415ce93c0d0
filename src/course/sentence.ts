/**
 * Ends a text as a sentence: a full stop unless it already ends with one, a question or an
 * exclamation mark (possibly inside a closing quote or bracket), so a title such as "What is a
 * certificate?" never becomes "certificate?.".
 */
export function endSentence(text: string): string {
  const t = text.trimEnd();
  return t === '' || /[.!?]["'”)\]]*$/.test(t) ? t : `${t}.`;
}

/** Joins parts as sentences: each one ended (endSentence), empty ones left out. */
export const joinSentences = (parts: string[]) =>
  parts
    .filter((p) => p.trim() !== '')
    .map(endSentence)
    .join(' ');
