import { afterAll, describe, expect, it } from 'vitest';
import { runDualUse, runDualUseScenario } from '../../src/labs/index.js';
import {
  fixture,
  listeningPortsOfThisProcess,
  makeLeaf,
  NOW,
  openNetServers,
  openssl,
  tempDir,
} from './helpers.js';

const opts = { now: NOW };

describe('dual-use lab', () => {
  afterAll(() => {
    // Every run closes its server before it returns: nothing of ours is left listening.
    expect(openNetServers()).toBe(0);
    expect(listeningPortsOfThisProcess()).toEqual([]);
  });

  it('a certificate with serverAuth and clientAuth works as both server and client', async () => {
    const r = await runDualUseScenario('server-client', opts);
    expect([r.asServer.outcome, r.asClient.outcome]).toEqual(['accepted', 'accepted']);
    expect(r.asServer.certificate?.extendedKeyUsage).toEqual(['serverAuth', 'clientAuth']);
    expect(r.explanation[0]).toMatch(/both/);
  });

  it('a certificate without any EKU works as both', async () => {
    const r = await runDualUseScenario('no-eku', opts);
    expect([r.asServer.outcome, r.asClient.outcome]).toEqual(['accepted', 'accepted']);
    expect(r.asClient.certificate?.extendedKeyUsage).toBeNull();
  });

  it('anyExtendedKeyUsage alone is refused by OpenSSL in both roles with verify error 26', async () => {
    const r = await runDualUseScenario('any-eku', opts);
    expect(r.asServer.verifyFailure).toMatchObject({ side: 'client', code: 'INVALID_PURPOSE', number: 26 });
    expect(r.asClient.verifyFailure).toMatchObject({ side: 'server', code: 'INVALID_PURPOSE', number: 26 });
    expect(r.explanation.join(' ')).toContain('anyExtendedKeyUsage');
  });

  it('agrees with openssl verify -purpose on an openssl-made anyExtendedKeyUsage certificate', async () => {
    const dir = tempDir();
    const leaf = makeLeaf(dir, 'any', {
      subject: '/CN=any.example.test',
      ext: ['extendedKeyUsage=anyExtendedKeyUsage', 'subjectAltName=DNS:any.example.test'],
    });
    const r = await runDualUse(leaf.cert, leaf.key, { ...opts, source: leaf.cert });
    for (const purpose of ['sslserver', 'sslclient']) {
      const out = openssl([
        'verify',
        '-purpose',
        purpose,
        '-CAfile',
        fixture('ca/root-ca.pem'),
        '-untrusted',
        fixture('ca/intermediate-ca.pem'),
        leaf.cert,
      ]);
      expect(out).toContain('error 26 at 0 depth lookup');
    }
    expect([r.asServer.outcome, r.asClient.outcome]).toEqual(['refused', 'refused']);
  });
});
