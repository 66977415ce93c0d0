import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { certificateDers, inspectFile, noteKeyMatchesAcrossFiles } from '../../../src/pki/index.js';

// `inspect KEY CERT`: the key file learns which certificate of the other file it belongs to.
const f = (p: string) => join(process.cwd(), 'fixtures', p);
const now = new Date('2026-11-26T12:00:00Z');

describe('matching a key file to certificates given in the same command', () => {
  it('names the certificate file whose public key equals the key', async () => {
    const reports = [
      await inspectFile(f('containers/server-traditional.key'), { now }),
      await inspectFile(f('leaf/client.pem'), { now }),
      await inspectFile(f('containers/chain.pem'), { now }),
    ];
    noteKeyMatchesAcrossFiles(reports, certificateDers);
    const notes = reports[0]?.notes ?? [];
    expect(notes).toContain(
      `key 1 belongs to certificate 1 of ${f('containers/chain.pem')} (same public key)`,
    );
    expect(notes.join('\n')).not.toContain('leaf/client.pem');
  });

  it('matches an encrypted key once its password is given, and not before', async () => {
    const cert = await inspectFile(f('leaf/client.pem'), { now });
    const locked = [await inspectFile(f('containers/client-encrypted.key'), { now }), cert];
    noteKeyMatchesAcrossFiles(locked, certificateDers);
    expect(locked[0]?.notes.join('\n')).not.toContain('belongs to');
    const open = [
      await inspectFile(f('containers/client-encrypted.key'), { now, password: 'cert-tutor' }),
      cert,
    ];
    noteKeyMatchesAcrossFiles(open, certificateDers);
    expect(open[0]?.notes).toContain(
      `key 1 belongs to certificate 1 of ${f('leaf/client.pem')} (same public key)`,
    );
  });
});
