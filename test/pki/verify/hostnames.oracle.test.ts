import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate } from '../../../src/pki/cert-parse.js';
import { checkIdentity } from '../../../src/pki/verify/identity.js';
import { HOST_CASES } from './host-cases.js';
import { CertMaker, type Made } from './make-certs.js';

const dir = mkdtempSync(join(tmpdir(), 'ct-hosts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const certs = new Map<string, Made>();

beforeAll(() => {
  const m = new CertMaker(dir);
  const ca = m.selfSigned('ca', '/CN=Host CA', ['basicConstraints=critical,CA:TRUE', 'keyUsage=keyCertSign']);
  const patterns = [...new Set(HOST_CASES.map((c) => c[0]))];
  patterns.forEach((p, i) => {
    certs.set(p, m.issued(`h${i}`, '/CN=host test', ca, [`subjectAltName=DNS:${p}`]));
  });
}, 60_000);

describe('host-name matching agrees with openssl x509 -checkhost', () => {
  it.each(HOST_CASES)('%s for %s', (pattern, host, matches) => {
    const c = certs.get(pattern)!;
    const r = spawnSync('openssl', ['x509', '-in', c.pem, '-noout', '-checkhost', host], {
      encoding: 'utf8',
    });
    const openssl = /does match certificate/.test(r.stdout);
    expect(openssl).toBe(matches);
    expect(checkIdentity(parseCertificate(c.der), 'host', host).ok).toBe(matches);
  });
});
