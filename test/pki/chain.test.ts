import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../src/paths.js';
import { buildChains } from '../../src/pki/chain.js';
import { loadBytes } from '../../src/pki/load.js';

const now = new Date('2026-11-26T12:00:00Z');
const cert = async (p: string) => (await loadBytes(readFileSync(join(fixturesDir(), p)))).certificates[0]!;

describe('buildChains', () => {
  it('orders shuffled certificates leaf to root and checks every link', async () => {
    const certs = [
      await cert('ca/root-ca.pem'),
      await cert('leaf/server.pem'),
      await cert('ca/intermediate-ca.pem'),
    ];
    const [chain, ...rest] = await buildChains(certs, now);
    expect(rest).toEqual([]);
    expect(chain?.order).toEqual([1, 2, 0]);
    expect(chain?.complete).toBe(true);
    expect(chain?.links.every((l) => l.problems.length === 0 && l.signatureValid && l.issuerIsCA)).toBe(true);
  });

  it('names the missing intermediate when only the leaf and root are given', async () => {
    const [chain] = await buildChains([await cert('leaf/server.pem'), await cert('ca/root-ca.pem')], now);
    expect(chain?.order).toEqual([0]);
    expect(chain?.complete).toBe(false);
    expect(chain?.missing.join()).toMatch(/cert-tutor Teaching Intermediate CA.*was not given/);
  });

  it('flags a certificate signed by an end entity: the signature verifies but the issuer is no CA', async () => {
    const [chain] = await buildChains(
      [await cert('odd/signed-by-ee.pem'), await cert('odd/ee-signer.pem')],
      now,
    );
    const link = chain?.links[0];
    expect(link?.parent).toBe(1);
    expect(link?.signatureValid).toBe(true);
    expect(link?.issuerIsCA).toBe(false);
    expect(link?.problems.join()).toMatch(/not a CA/);
  });

  it('reports an expired certificate on its link', async () => {
    const [chain] = await buildChains(
      [await cert('leaf/expired-server.pem'), await cert('ca/intermediate-ca.pem')],
      now,
    );
    expect(chain?.links[0]?.datesValid).toBe(false);
  });
});
