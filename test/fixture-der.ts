/** Test helper: the DER bytes of the first PEM block of a teaching fixture. */
import { readFileSync } from 'node:fs';
import { fixturesDir } from '../src/paths.js';

/** The DER of fixture `p` (relative to fixtures/): its first PEM block, base64-decoded. */
export const fixtureDer = (p: string): Uint8Array =>
  new Uint8Array(
    Buffer.from(
      readFileSync(`${fixturesDir()}/${p}`, 'latin1')
        .replace(/-----[^-]+-----/g, '')
        .replace(/\s+/g, ''),
      'base64',
    ),
  );
