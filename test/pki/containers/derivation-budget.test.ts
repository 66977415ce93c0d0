import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_DERIVATION_WORK,
  pkcs12Kdf,
  withDerivationBudget,
} from '../../../src/pki/containers/pkcs12-kdf.js';
import { readPkcs12 } from '../../../src/pki/containers/pkcs12-read.js';
import { PkiError } from '../../../src/pki/errors.js';

// client-modern.pfx: written by the fixture scripts with OpenSSL 3 defaults (PBES2 AES-256, PBKDF2
// 2,048 iterations, HMAC-SHA256 MAC with 2,048 PKCS#12 KDF iterations), password in fixtures/README.md.
const pfx = new Uint8Array(readFileSync(join(process.cwd(), 'fixtures', 'containers', 'client-modern.pfx')));

describe('the derivation budget of one file', () => {
  it('stops a file whose many derivations add up past the budget, each under its own cap', () => {
    // 100,000 PKCS#12 KDF iterations (the cap) weigh 1,000,000 units per output block: the fourth
    // distinct derivation of one file passes 3,000,000.
    expect(MAX_DERIVATION_WORK).toBe(3_000_000);
    const salt = (n: number) => new Uint8Array([n, 1, 2, 3, 4, 5, 6, 7]);
    const thrown = (() => {
      try {
        withDerivationBudget(() => {
          for (let n = 0; n < 4; n++)
            pkcs12Kdf('sha1', new Uint8Array([0, 0x61, 0, 0]), salt(n), 3, 100_000, 20);
        });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(PkiError);
    expect((thrown as PkiError).code).toBe('derivation-work-too-high');
  });

  it('a derivation made before is free: the same file read twice is not charged twice', () => {
    const once = () => pkcs12Kdf('sha1', new Uint8Array([0, 0x62, 0, 0]), new Uint8Array(8), 3, 100_000, 20);
    expect(() => withDerivationBudget(() => [once(), once(), once(), once()])).not.toThrow();
  });

  it('a PFX read over a small budget reports the typed error, not an exception', () => {
    // The MAC (2,048 x 10 units) and the two PBES2 bags (2,048 each) need about 25,000 units.
    const r = withDerivationBudget(() => readPkcs12(pfx, 'cert-tutor'), 10_000);
    expect(r.error?.code).toBe('derivation-work-too-high');
    expect(r.error?.message).toMatch(
      /^the file asks for more key derivation than cert-tutor does for one file/,
    );
    const fine = withDerivationBudget(() => readPkcs12(pfx, 'cert-tutor'), 100_000);
    expect(fine.error).toBeUndefined();
  });
});

describe('a PEM file of many encrypted keys', () => {
  it('stops at the budget with the typed error, in bounded time, instead of deriving every key', async () => {
    const { opensslDir } = await import('./openssl.js');
    const { readContainerBytes } = await import('../../../src/pki/containers/index.js');
    const o = opensslDir();
    try {
      o.sh('genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out k.pem');
      // PBKDF2 at the cap (1,000,000 iterations, SHA-256, AES-256: one block) costs 1,000,000 units.
      o.sh(
        'pkcs8 -topk8 -in k.pem -v2 aes-256-cbc -v2prf hmacWithSHA256 -iter 1000000 -passout pass:pw -out e.pem',
      );
      const one = o.bytes('e.pem');
      const five = new Uint8Array(Buffer.concat(Array.from({ length: 5 }, () => Buffer.from(one))));
      // Same salt five times: memoised after the first, so the budget is not spent. Distinct keys:
      const distinct: Buffer[] = [];
      for (let n = 0; n < 5; n++) {
        o.sh(
          `pkcs8 -topk8 -in k.pem -v2 aes-256-cbc -v2prf hmacWithSHA256 -iter 1000000 -passout pass:pw -out e${n}.pem`,
        );
        distinct.push(Buffer.from(o.bytes(`e${n}.pem`)));
      }
      // Over the cap: refused by the cap, never handed to node:crypto (OpenSSL would derive it uncapped).
      o.sh(
        'pkcs8 -topk8 -in k.pem -v2 aes-256-cbc -v2prf hmacWithSHA256 -iter 1000001 -passout pass:pw -out over.pem',
      );
      const over = await readContainerBytes(o.bytes('over.pem'), { path: 'over.pem', password: 'pw' });
      expect(over?.error?.code).toBe('iteration-count-too-high');
      const same = await readContainerBytes(five, { path: 'same.pem', password: 'pw' });
      expect(same?.error).toBeUndefined();
      const started = Date.now();
      const r = await readContainerBytes(new Uint8Array(Buffer.concat(distinct)), {
        path: 'many.pem',
        password: 'pw',
      });
      expect(r?.error?.code).toBe('derivation-work-too-high');
      // Three derivations fit the budget, the fourth is refused before it runs: far below 5 x 0.3 s.
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      o.remove();
    }
  }, 60_000);
});
