import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { inspectBytes } from '../../src/pki/inspect-file.js';
import { corpusCerts } from './oracle-corpus.js';

const root = packageRoot();
const now = new Date('2026-11-26T12:00:00Z');
const certs = [
  ...corpusCerts(root, join(root, 'fixtures'), (f) => /\.(pem|crt|cer)$/.test(f)),
  ...corpusCerts(root, '/usr/share/ca-certificates/mozilla', (f) => f.endsWith('.crt')),
  ...corpusCerts(root, join(root, '../shared/corpus/zlint'), (f) => f.endsWith('.pem')),
];

describe('selfSigned is a real signature check', () => {
  it('agrees with OpenSSL X509_verify (through node:crypto) on every self-issued certificate node can load', async () => {
    const problems: string[] = [];
    let compared = 0;
    for (const c of certs) {
      let x: X509Certificate;
      try {
        x = new X509Certificate(Buffer.from(c.input));
      } catch {
        continue; // node's parser refuses it (e.g. the blank-line PEM); the oracle test covers errors
      }
      const r = await inspectBytes(c.input, { path: c.id, now });
      const ours = r.certificates[0];
      if (!ours?.selfIssued) continue;
      let theirs = false;
      try {
        theirs = x.verify(x.publicKey);
      } catch {
        theirs = false;
      }
      if (ours.selfSigned !== theirs) problems.push(`${c.id}: ours ${ours.selfSigned}, OpenSSL ${theirs}`);
      compared++;
    }
    expect(problems).toEqual([]);
    expect(compared).toBeGreaterThan(300);
  }, 300_000);
});
