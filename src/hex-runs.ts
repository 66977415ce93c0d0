/**
 * Colon-separated hex (fingerprints, serial numbers, key identifiers) wraps only between bytes:
 * a run longer than the line is cut into pieces of whole bytes, each ending in its ':', with a
 * space between pieces where the wrapper may break. Shared by the TUI and the line-mode wrappers.
 */
const HEX_RUN = /(?:[0-9A-Fa-f]{2}:){2,}[0-9A-Fa-f]{2}/g;

/** `text` with every hex run longer than `width` columns split into byte-aligned pieces of at most `width`. */
export function breakHexRuns(text: string, width: number): string {
  const bytesPerLine = Math.max(1, Math.floor(width / 3));
  return text.replace(HEX_RUN, (run) => {
    if (run.length <= width) return run;
    const bytes = run.split(':');
    const pieces: string[] = [];
    for (let i = 0; i < bytes.length; i += bytesPerLine)
      pieces.push(bytes.slice(i, i + bytesPerLine).join(':'));
    // Each piece but the last keeps its trailing colon: 3 columns a byte, so at most `width`.
    return pieces.map((p, i) => (i < pieces.length - 1 ? `${p}:` : p)).join(' ');
  });
}
