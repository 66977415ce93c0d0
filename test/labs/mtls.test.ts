import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeAllLabServers,
  findLab,
  loadCredential,
  openLabServerCount,
  runMtls,
  runMtlsScenario,
} from '../../src/labs/index.js';
import { startLabServer } from '../../src/labs/loopback.js';
import {
  fixture,
  listeningPortsOfThisProcess,
  makeLeaf,
  NOW,
  openNetServers,
  sClient,
  tempDir,
} from './helpers.js';

const opts = { now: NOW };

describe('mtls lab on the teaching fixtures', () => {
  it('accepts the client certificate and lets application data through', async () => {
    const r = await runMtlsScenario('client-cert', opts);
    expect(r.outcome).toBe('accepted');
    expect(r.protocol).toBe('TLSv1.3');
    expect(r.verifyFailure).toBeNull();
    expect(r.steps.map((s) => s.message)).toEqual(
      expect.arrayContaining(['CertificateRequest', 'Certificate', 'CertificateVerify', 'application data']),
    );
    expect(r.explanation[0]).toMatch(/^Accepted/);
    expect(r.explanation.join(' ')).toContain('clientAuth');
  });

  it('refuses the server certificate with verify error 26, naming its serverAuth-only EKU', async () => {
    const r = await runMtlsScenario('server-cert', opts);
    expect(r.outcome).toBe('refused');
    expect(r.verifyFailure).toMatchObject({ side: 'server', code: 'INVALID_PURPOSE', number: 26 });
    expect(r.certificate?.extendedKeyUsage).toEqual(['serverAuth']);
    expect(r.explanation.join(' ')).toMatch(/no clientAuth/);
    expect(r.steps.find((s) => s.status === 'failed')?.detail).toContain('unsuitable certificate purpose');
  });

  it('refuses an expired client certificate with verify error 10 and quotes its notAfter', async () => {
    const r = await runMtlsScenario('expired-client', opts);
    expect(r.verifyFailure).toMatchObject({ code: 'CERT_HAS_EXPIRED', number: 10 });
    expect(r.explanation.join(' ')).toContain(r.certificate?.notAfter ?? 'missing');
    expect(r.explanation.join(' ')).toContain('403.17');
  });

  it('refuses a client certificate from a CA the server does not trust', async () => {
    const r = await runMtlsScenario('other-ca', opts);
    expect(r.outcome).toBe('refused');
    expect(r.verifyFailure?.code).toMatch(/UNABLE_TO_(VERIFY_LEAF_SIGNATURE|GET_ISSUER_CERT_LOCALLY)/);
    expect(r.explanation.join(' ')).toContain('Unknown Other Root CA');
  });

  it('aborts with the certificate_required alert when the client presents nothing (403.7)', async () => {
    const r = await runMtlsScenario('nothing', opts);
    expect(r.outcome).toBe('refused');
    expect(r.alert).toEqual({ sentBy: 'server', number: 116, name: 'certificate_required' });
    expect(r.steps.find((s) => s.from === 'client' && s.message === 'Certificate')?.status).toBe('empty');
    expect(r.explanation.join(' ')).toContain('403.7');
  });

  it('cannot present a certificate without its private key: the Certificate message goes out empty', async () => {
    const r = await runMtlsScenario('no-key', opts);
    expect(r.outcome).toBe('refused');
    expect(r.alert?.number).toBe(116);
    expect(r.errors).toContainEqual(
      expect.objectContaining({ side: 'server', message: 'peer did not return a certificate' }),
    );
    expect(r.steps.some((s) => s.from === 'client' && s.message === 'CertificateVerify')).toBe(false);
    expect(r.explanation[0]).toMatch(/private key/);
  });

  it('gets the outcome each scenario is built to show', async () => {
    for (const s of findLab('mtls')?.scenarios ?? []) {
      const r = await runMtlsScenario(s.id, opts);
      expect(`${s.id}: ${r.outcome}`).toBe(`${s.id}: ${s.expected}`);
    }
  });
});

describe('mtls lab on certificates made at test time by openssl', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });

  it('accepts an openssl-made clientAuth certificate signed by the teaching intermediate', async () => {
    const leaf = makeLeaf(dir, 'fresh-client', {
      subject: '/CN=Fresh Client/O=lab test',
      ext: ['basicConstraints=CA:FALSE', 'keyUsage=critical,digitalSignature', 'extendedKeyUsage=clientAuth'],
    });
    const r = await runMtls({
      ...opts,
      presented: await loadCredential(leaf.cert, { keyPath: leaf.key }),
      source: leaf.cert,
    });
    expect(r.outcome).toBe('accepted');
    expect(r.certificate?.subject).toBe('CN=Fresh Client, O=lab test');
  });

  it('refuses an openssl-made codeSigning certificate for its purpose, like openssl verify does', async () => {
    const leaf = makeLeaf(dir, 'fresh-codesign', {
      subject: '/CN=Fresh Signer',
      ext: [
        'basicConstraints=CA:FALSE',
        'keyUsage=critical,digitalSignature',
        'extendedKeyUsage=codeSigning',
      ],
    });
    const r = await runMtls({
      ...opts,
      presented: await loadCredential(leaf.cert, { keyPath: leaf.key }),
      source: leaf.cert,
    });
    expect(r.verifyFailure?.code).toBe('INVALID_PURPOSE');
    expect(r.certificate?.extendedKeyUsage).toEqual(['codeSigning']);
  });

  it('sends the CA names that openssl s_client lists as acceptable client certificate CA names', async () => {
    const trust = [readFileSync(fixture('ca/root-ca.pem')), readFileSync(fixture('ca/intermediate-ca.pem'))];
    const server = await startLabServer({
      credentials: {
        cert: readFileSync(fixture('leaf/server.pem')),
        key: readFileSync(fixture('leaf/server.key')),
      },
      requireClientCertFrom: trust,
    });
    try {
      const out = await sClient(['-connect', `127.0.0.1:${server.port}`, '-servername', 'www.example.test']);
      const after = out.split('Acceptable client certificate CA names\n')[1] ?? '';
      const listed = after
        .split('\n')
        .filter((l, i, all) => l.startsWith('CN') && all.slice(0, i).every((p) => p.startsWith('CN')));
      expect(listed).toEqual([
        'CN = cert-tutor Teaching Root CA, O = cert-tutor',
        'CN = cert-tutor Teaching Intermediate CA, O = cert-tutor',
      ]);
      const r = await runMtlsScenario('client-cert', opts);
      expect(r.caNames).toEqual(listed?.map((l) => l.replace(/ = /g, '=')));
    } finally {
      await server.close();
    }
  });
});

describe('mtls lab housekeeping', () => {
  afterAll(() => {
    expect(openLabServerCount()).toBe(0);
  });

  it('closes a listening lab server when told to, as Ctrl+C does', async () => {
    const server = await startLabServer({
      credentials: {
        cert: readFileSync(fixture('leaf/server.pem')),
        key: readFileSync(fixture('leaf/server.key')),
      },
    });
    expect(listeningPortsOfThisProcess()).toEqual([`127.0.0.1:${server.port}`]);
    await closeAllLabServers();
    expect(openLabServerCount()).toBe(0);
    expect(listeningPortsOfThisProcess()).toEqual([]);
  });

  it('leaves no listening socket behind after its runs', async () => {
    await runMtlsScenario('server-cert', opts);
    await runMtlsScenario('nothing', opts);
    expect(openLabServerCount()).toBe(0);
    expect(openNetServers()).toBe(0);
    expect(listeningPortsOfThisProcess()).toEqual([]);
  });
});
