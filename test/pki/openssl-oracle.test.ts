import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { inspectBytes } from '../../src/pki/inspect-file.js';
import { corpusCerts, limboCerts, mapLimit, opensslPurpose } from './oracle-corpus.js';

const root = packageRoot();
const now = new Date('2026-11-26T12:00:00Z');
const zlint = join(root, '../shared/corpus/zlint');
const mozilla = '/usr/share/ca-certificates/mozilla';
const limbo = join(root, '../shared/corpus/x509-limbo/limbo-subset.json');
// NIST PKITS, from Debian's python3-cryptography-vectors (.ci/run installs it).
const pkits = '/usr/lib/python3/dist-packages/cryptography_vectors/x509/PKITS_data/certs';

const sets = [
  {
    name: 'the fixtures',
    certs: corpusCerts(root, join(root, 'fixtures'), (f) => /\.(pem|crt|cer)$/.test(f)),
  },
  { name: "Debian's Mozilla roots", certs: corpusCerts(root, mozilla, (f) => f.endsWith('.crt')) },
  { name: 'every zlint certificate block', certs: corpusCerts(root, zlint, (f) => f.endsWith('.pem')) },
  { name: 'every distinct x509-limbo certificate', certs: existsSync(limbo) ? limboCerts(limbo) : [] },
  { name: 'every NIST PKITS certificate', certs: corpusCerts(root, pkits, (f) => f.endsWith('.crt')) },
];

describe('our OpenSSL 3.0 -purpose rows agree with the real openssl x509 -noout -purpose', () => {
  it('finds the corpora (zlint and x509-limbo at ../shared/corpus, Mozilla roots and PKITS on Debian)', () => {
    expect(existsSync(zlint)).toBe(true);
    expect(sets[0]!.certs.length).toBeGreaterThan(20);
    expect(sets[1]!.certs.length).toBeGreaterThan(100);
    expect(sets[2]!.certs.length).toBeGreaterThan(1200);
    expect(sets[3]!.certs.length).toBeGreaterThan(300);
    expect(sets[4]!.certs.length).toBe(405);
  });

  it.each(sets)(
    'matches every row of every certificate in $name, and gives a typed error where openssl cannot load one',
    async ({ certs }) => {
      const problems: string[] = [];
      let compared = 0;
      await mapLimit(certs, 2, async (c) => {
        const expected = await opensslPurpose(c);
        const r = await inspectBytes(c.input, { path: c.id, now });
        if (expected === null) {
          if (!r.error || !r.errorCode)
            problems.push(`${c.id}: openssl cannot load it but we gave no typed error`);
          return;
        }
        if (r.error || r.certificates.length !== 1) {
          problems.push(
            `${c.id}: openssl reads it but we said ${r.error ?? `${r.certificates.length} certificates`}`,
          );
          return;
        }
        const ours = r.certificates[0]!.opensslText;
        expect(Object.keys(expected).length).toBe(18);
        for (const [row, text] of Object.entries(expected)) {
          if (ours[row as keyof typeof ours] !== text)
            problems.push(`${c.id} ${row}: openssl "${text}", ours "${ours[row as keyof typeof ours]}"`);
        }
        compared++;
      });
      expect(problems).toEqual([]);
      expect(compared).toBeGreaterThan(0);
    },
    900_000,
  );
});
