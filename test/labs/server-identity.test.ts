import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findLab,
  loadCredential,
  openLabServerCount,
  runServerIdentity,
  runServerIdentityScenario,
} from '../../src/labs/index.js';
import { startLabServer } from '../../src/labs/loopback.js';
import { otherNameChecks, withIntermediate } from '../../src/labs/server-identity.js';
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
const pem = (rel: string) => readFileSync(fixture(rel));

/** What `openssl s_client -verify_hostname NAME` concludes about a lab server sending CHAIN. */
async function opensslVerdict(chain: Buffer[], key: Buffer, name: string): Promise<string> {
  const server = await startLabServer({ credentials: { cert: Buffer.concat(chain), key } });
  try {
    const out = await sClient([
      '-connect',
      `127.0.0.1:${server.port}`,
      '-servername',
      name,
      '-verify_hostname',
      name,
      '-CAfile',
      fixture('ca/root-ca.pem'),
    ]);
    return out.match(/Verify return code: (\d+ \([^)]*\))/)?.[1] ?? out;
  } finally {
    await server.close();
  }
}

describe('server-identity lab on the teaching fixtures', () => {
  afterAll(() => {
    // Every run closes its server before it returns: nothing of ours is left listening.
    expect(openNetServers()).toBe(0);
    expect(listeningPortsOfThisProcess()).toEqual([]);
  });

  it('accepts www.example.test, listed in subjectAltName', async () => {
    const r = await runServerIdentityScenario('san-match', opts);
    expect(r.outcome).toBe('accepted');
    expect(r.serverName).toBe('www.example.test');
    expect(r.certificate?.dnsNames).toContain('www.example.test');
    expect(r.explanation[0]).toMatch(/^Accepted/);
  });

  it('refuses a name that is only in the CN, while OpenSSL and Node would fall back to the CN', async () => {
    const r = await runServerIdentityScenario('cn-only', opts);
    expect(r.outcome).toBe('refused');
    expect(r.verifyFailure?.code).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(r.certificate?.dnsNames).toEqual([]);
    expect(r.certificate?.commonName).toBe('legacy.example.test');
    const text = r.explanation.join(' ');
    expect(text).toContain('RFC 9110');
    expect(text).toMatch(/OpenSSL's own host check .* accepts it/);
    expect(text).toMatch(/Node's default tls.checkServerIdentity accepts it/);
  });

  it("agrees with openssl s_client that OpenSSL's own host check accepts the CN-only certificate", async () => {
    const code = await opensslVerdict(
      [pem('leaf/cn-only.pem'), pem('ca/intermediate-ca.pem')],
      pem('leaf/cn-only.key'),
      'legacy.example.test',
    );
    expect(code).toBe('0 (ok)');
    expect(otherNameChecks(pem('leaf/cn-only.pem'), 'legacy.example.test').opensslDefault).toBe(true);
  });

  it('refuses a name the certificate does not list, as openssl s_client does (error 62)', async () => {
    const r = await runServerIdentityScenario('wrong-name', opts);
    expect(r.verifyFailure?.code).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(r.explanation.join(' ')).toContain('DNS:www.example.test');
    const code = await opensslVerdict(
      [pem('leaf/server.pem'), pem('ca/intermediate-ca.pem')],
      pem('leaf/server.key'),
      'shop.example.test',
    );
    expect(code).toBe('62 (hostname mismatch)');
  });

  it('refuses an expired server certificate with verify error 10', async () => {
    const r = await runServerIdentityScenario('expired-server', opts);
    expect(r.verifyFailure).toMatchObject({ side: 'client', code: 'CERT_HAS_EXPIRED', number: 10 });
  });

  it('refuses a self-signed server certificate with verify error 18', async () => {
    const r = await runServerIdentityScenario('self-signed', opts);
    expect(r.verifyFailure).toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', number: 18 });
    expect(r.certificate?.selfSigned).toBe(true);
  });

  it('refuses a server that forgot its intermediate with the code openssl s_client reports', async () => {
    const r = await runServerIdentityScenario('missing-intermediate', opts);
    expect(r.steps.find((s) => s.message === 'Certificate')?.detail).toContain('no intermediate');
    const code = await opensslVerdict([pem('leaf/server.pem')], pem('leaf/server.key'), 'www.example.test');
    expect(`${r.verifyFailure?.number} (${r.verifyFailure?.text})`).toBe(code);
  });

  it('gets the outcome each scenario is built to show', async () => {
    for (const s of findLab('server-identity')?.scenarios ?? []) {
      const r = await runServerIdentityScenario(s.id, opts);
      expect(`${s.id}: ${r.outcome}`).toBe(`${s.id}: ${s.expected}`);
    }
    expect(openLabServerCount()).toBe(0);
  });
});

describe('server-identity lab on certificates made at test time by openssl', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });

  it('accepts an openssl-made server certificate for the name in its subjectAltName only', async () => {
    const leaf = makeLeaf(dir, 'api', {
      subject: '/CN=api.example.test',
      ext: [
        'keyUsage=critical,digitalSignature,keyEncipherment',
        'extendedKeyUsage=serverAuth',
        'subjectAltName=DNS:api.example.test',
      ],
    });
    const server = async () => {
      const c = await loadCredential(leaf.cert, { keyPath: leaf.key });
      withIntermediate(c, pem('ca/intermediate-ca.pem'));
      return c;
    };
    const ok = await runServerIdentity({
      ...opts,
      server: await server(),
      source: leaf.cert,
      name: 'api.example.test',
    });
    expect(ok.outcome).toBe('accepted');
    const wrong = await runServerIdentity({
      ...opts,
      server: await server(),
      source: leaf.cert,
      name: 'www.example.test',
    });
    expect(wrong.outcome).toBe('refused');
  });

  it('refuses an openssl-made clientAuth-only certificate used by a server (purpose SSL server)', async () => {
    const leaf = makeLeaf(dir, 'client-as-server', {
      subject: '/CN=www.example.test',
      ext: [
        'keyUsage=critical,digitalSignature',
        'extendedKeyUsage=clientAuth',
        'subjectAltName=DNS:www.example.test',
      ],
    });
    const c = await loadCredential(leaf.cert, { keyPath: leaf.key });
    withIntermediate(c, pem('ca/intermediate-ca.pem'));
    const r = await runServerIdentity({ ...opts, server: c, source: leaf.cert, name: 'www.example.test' });
    expect(r.verifyFailure).toMatchObject({ code: 'INVALID_PURPOSE', number: 26 });
  });
});
