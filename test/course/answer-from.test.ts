import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerDomain, computeAnswer, defaultChoices } from '../../src/course/answer-from.js';
import { fixturesDir } from '../../src/paths.js';
import { inspectFile } from '../../src/pki/index.js';
import { CERT_KINDS, OPENSSL_ROWS, PURPOSE_IDS } from '../../src/pki/types.js';

// fixtures/manifest.json is written by hand from docs/pki-rules.md: the ground truth for computed answers.
interface ManifestCert {
  kind: string;
  role: string;
  selfSigned: boolean;
  selfIssued: boolean;
  validity: string;
  purposes: Record<string, boolean>;
  openssl: Record<string, string>;
}
interface ManifestFile {
  hasPrivateKey: boolean;
  password?: string;
  certificates: ManifestCert[];
  privateKeys?: { keySpec?: string }[];
}
const manifest = JSON.parse(readFileSync(join(fixturesDir(), 'manifest.json'), 'utf8')) as {
  clock: string;
  files: Record<string, ManifestFile>;
};
const now = new Date(manifest.clock);
const yn = (b: boolean) => (b ? 'yes' : 'no');

describe('computeAnswer agrees with the fixtures manifest', () => {
  it.each(Object.entries(manifest.files))('for %s', async (name, expected) => {
    const report = await inspectFile(join(fixturesDir(), name), {
      now,
      ...(expected.password !== undefined ? { password: expected.password } : {}),
    });
    const answer = (property: string, index = 0) => {
      const r = computeAnswer(property, report, index);
      return 'value' in r ? r.value : r.error;
    };
    expect(answer('hasPrivateKey')).toBe(yn(expected.hasPrivateKey));
    const keySpec = expected.privateKeys?.[0]?.keySpec;
    if (keySpec) expect(answer('keySpec')).toBe(keySpec);
    expected.certificates.forEach((c, i) => {
      expect(answer('kind', i)).toBe(c.kind);
      expect(answer('role', i)).toBe(c.role);
      expect(answer('selfSigned', i)).toBe(yn(c.selfSigned));
      expect(answer('selfIssued', i)).toBe(yn(c.selfIssued));
      expect(answer('validity.status', i)).toBe(c.validity);
      for (const p of PURPOSE_IDS) expect(answer(`purposes.${p}`, i), p).toBe(yn(c.purposes[p] ?? false));
      for (const row of OPENSSL_ROWS) {
        const text = c.openssl[row];
        if (text !== undefined) expect(answer(`openssl.${row}`, i), row).toBe(yn(text.startsWith('Yes')));
      }
    });
  });
});

describe('computeAnswer refusals', () => {
  it('names the properties it knows when given another one, a missing certificate, or a file without a key', async () => {
    const report = await inspectFile(join(fixturesDir(), 'leaf/server.pem'), { now });
    expect(computeAnswer('colour', report, 0)).toEqual({
      error: expect.stringMatching(/use one of: kind, role/),
    });
    expect(computeAnswer('kind', report, 5)).toEqual({
      error: expect.stringMatching(/no certificate #5 \(it holds 1\)/),
    });
    expect(computeAnswer('keySpec', report, 0)).toEqual({ error: expect.stringMatching(/has none/) });
  });
});

describe('defaultChoices', () => {
  it.each(CERT_KINDS)('offers %s with three other kinds, in the kinds order', (kind) => {
    const choices = defaultChoices('kind', kind);
    expect(choices).toHaveLength(4);
    expect(choices).toContain(kind);
    expect(new Set(choices).size).toBe(4);
    expect(choices).toEqual(CERT_KINDS.filter((k) => choices.includes(k)));
  });

  it('offers the whole domain of other properties, and yes/no for booleans', () => {
    expect(defaultChoices('keySpec', 'AT_SIGNATURE')).toEqual([
      'AT_KEYEXCHANGE',
      'AT_SIGNATURE',
      'not recorded',
    ]);
    expect(defaultChoices('openssl.SSL server', 'no')).toEqual(['yes', 'no']);
    expect(defaultChoices('publicKey.algorithm', 'Ed448')).toContain('Ed448');
    expect(answerDomain('purposes.clientAuth')).toEqual(['yes', 'no']);
    expect(answerDomain('purposes.nothing')).toBeUndefined();
  });
});
