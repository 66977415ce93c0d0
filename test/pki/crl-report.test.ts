import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { noteRevokedAcrossFiles } from '../../src/pki/crl-report.js';
import { inspectFile } from '../../src/pki/index.js';

const now = new Date('2026-11-26T12:00:00Z');
const rev = (f: string) => join(packageRoot(), 'lessons', 'fixtures', 'revocation', f);

describe('inspect on a CRL', () => {
  it('describes the CRL: issuer, dates, status, entries with reasons', async () => {
    const r = await inspectFile(rev('intermediate-ca.crl'), { now });
    expect(r.format).toBe('CRL');
    expect(r.error).toBeNull();
    expect(r.crl).toMatchObject({
      issuer: 'CN=cert-tutor Teaching Intermediate CA, O=cert-tutor',
      version: 2,
      status: 'current',
      crlNumber: '1',
      thisUpdate: '2026-11-01T00:00:00.000Z',
      nextUpdate: '2036-11-01T00:00:00.000Z',
    });
    expect(r.crl?.entries.map((e) => e.reason)).toEqual(['keyCompromise', 'superseded']);
  });

  it('with certificates beside it, names those it revokes (same issuer name and serial) and no other', async () => {
    const reports = await Promise.all(
      [
        rev('intermediate-ca.crl'),
        rev('revoked-client.pem'),
        join(packageRoot(), 'fixtures/leaf/client.pem'),
      ].map((p) => inspectFile(p, { now })),
    );
    noteRevokedAcrossFiles(reports);
    expect(reports[0]!.crl?.revokedHere).toEqual([
      {
        file: rev('revoked-client.pem'),
        index: 0,
        subject: 'CN=Mallory Example, O=cert-tutor',
        reason: 'keyCompromise',
      },
    ]);
  });
});
