import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../src/paths.js';
import { buildChains } from '../../src/pki/chain.js';
import { inspectFile } from '../../src/pki/inspect-file.js';
import { loadBytes } from '../../src/pki/load.js';

/** Expectations written by hand in fixtures/manifest.json (never produced by the engine). */
interface ExpectedCert {
  subjectCN: string;
  role: string;
  selfIssued: boolean;
  selfSigned: boolean;
  kind: string;
  validity: string;
  notBefore: string;
  notAfter: string;
  purposes: Record<string, boolean>;
  openssl: Record<string, string>;
  findings: string[];
  issuerFile: string | null;
}
interface ExpectedFile {
  format: string;
  hasPrivateKey: boolean;
  certificates: ExpectedCert[];
}

const manifest = JSON.parse(readFileSync(join(fixturesDir(), 'manifest.json'), 'utf8')) as {
  clock: string;
  files: Record<string, ExpectedFile>;
};
const now = new Date(manifest.clock);
const entries = Object.entries(manifest.files);
// PEM and DER files are read by this engine; PKCS#7, PKCS#12 and CSR contents are checked by the
// containers' own tests (test/pki/containers/), which plug into the same loader.
const certFiles = entries.filter(
  ([, f]) => (f.format === 'PEM' || f.format === 'DER') && f.certificates.length > 0,
);
const keyFiles = entries.filter(([, f]) => f.format === 'private key');

describe('engine against fixtures/manifest.json at the manifest clock', () => {
  it('has certificate fixtures to check', () => {
    expect(certFiles.length).toBeGreaterThan(20);
  });

  describe.each(certFiles)('%s', (file, expected) => {
    it('reads the file in the expected format with every certificate', async () => {
      const r = await inspectFile(join(fixturesDir(), file), { now });
      expect(r.error).toBeNull();
      expect(r.format).toBe(expected.format);
      expect(r.hasPrivateKey).toBe(expected.hasPrivateKey);
      expect(r.certificates.map((c) => c.subject.commonName)).toEqual(
        expected.certificates.map((c) => c.subjectCN),
      );
    });

    it('describes each certificate as the manifest says', async () => {
      const r = await inspectFile(join(fixturesDir(), file), { now });
      expected.certificates.forEach((want, i) => {
        const got = r.certificates[i]!;
        expect({
          role: got.role,
          selfIssued: got.selfIssued,
          selfSigned: got.selfSigned,
          kind: got.kind,
          validity: got.validity.status,
          notBefore: got.notBefore,
          notAfter: got.notAfter,
          purposes: got.purposes,
          openssl: got.opensslText,
          findings: got.findings.map((f) => f.code).sort(),
        }).toEqual({
          role: want.role,
          selfIssued: want.selfIssued,
          selfSigned: want.selfSigned,
          kind: want.kind,
          validity: want.validity,
          notBefore: want.notBefore,
          notAfter: want.notAfter,
          purposes: want.purposes,
          openssl: want.openssl,
          findings: [...want.findings].sort(),
        });
        for (const [row, text] of Object.entries(want.openssl)) {
          expect(got.openssl[row as keyof typeof got.openssl]).toBe(text !== 'No');
        }
      });
    });

    it('links each certificate to the issuer file the manifest names', async () => {
      for (const want of expected.certificates.filter((c) => c.issuerFile)) {
        const own = await loadBytes(readFileSync(join(fixturesDir(), file)));
        const issuer = await loadBytes(readFileSync(join(fixturesDir(), want.issuerFile!)));
        const index = expected.certificates.indexOf(want);
        const chains = await buildChains([own.certificates[index]!, issuer.certificates[0]!], now);
        const link = chains.find((c) => c.order[0] === 0)?.links[0];
        expect(link?.parent).toBe(1);
        expect(link?.issuerNameMatches).toBe(true);
        expect(link?.signatureValid).toBe(true);
      }
    });
  });

  describe.each(keyFiles)('%s', (file, expected) => {
    it('says the file holds a private key and never includes key material', async () => {
      const r = await inspectFile(join(fixturesDir(), file), { now });
      expect(r.format).toBe(expected.format);
      expect(r.hasPrivateKey).toBe(true);
      const body = readFileSync(join(fixturesDir(), file), 'latin1')
        .split('\n')
        .filter((l) => /^[A-Za-z0-9+/=]{40,}$/.test(l));
      const json = JSON.stringify(r);
      for (const line of body) expect(json).not.toContain(line);
    });
  });
});
