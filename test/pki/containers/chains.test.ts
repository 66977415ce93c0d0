import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectFile } from '../../../src/pki/index.js';
import { opensslDir } from './openssl.js';

// Certificates inside a PKCS#7 or a PFX, stored out of order, come back ordered leaf → root.
const o = opensslDir();
const now = new Date();

beforeAll(() => {
  writeFileSync(
    o.path('ca.ext'),
    'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n',
  );
  o.sh(
    'req -x509 -newkey rsa:2048 -nodes -keyout root.key -out root.pem -subj "/CN=Chain Root" -days 30 -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign',
  );
  o.sh('req -newkey rsa:2048 -nodes -keyout int.key -out int.csr -subj "/CN=Chain Intermediate"');
  o.sh(
    'x509 -req -in int.csr -CA root.pem -CAkey root.key -set_serial 5 -days 30 -out int.pem -extfile ca.ext',
  );
  o.sh('req -newkey rsa:2048 -nodes -keyout leaf.key -out leaf.csr -subj /CN=chain-leaf.test');
  o.sh('x509 -req -in leaf.csr -CA int.pem -CAkey int.key -set_serial 6 -days 30 -out leaf.pem');
});
afterAll(() => o.remove());

describe('certificates of containers ordered into chains', () => {
  it('orders a PKCS#7 bundle written root first', async () => {
    o.sh('crl2pkcs7 -nocrl -certfile root.pem -certfile leaf.pem -certfile int.pem -out rev.p7b');
    const r = await inspectFile(o.path('rev.p7b'), { now });
    expect(r.format).toBe('PKCS#7');
    expect(r.certificates.map((c) => c.subject.commonName)).toEqual([
      'Chain Root',
      'chain-leaf.test',
      'Chain Intermediate',
    ]);
    expect(r.chains).toEqual([[1, 2, 0]]);
    expect(r.hasPrivateKey).toBe(false);
    expect(r.lesson).toBe('private-keys-and-files');
  });

  it('orders a PFX and matches its key to the leaf', async () => {
    // openssl pkcs12 takes one -certfile: root first, so the file is out of order.
    writeFileSync(
      o.path('cas.pem'),
      Buffer.concat([readFileSync(o.path('root.pem')), readFileSync(o.path('int.pem'))]),
    );
    o.sh('pkcs12 -export -in leaf.pem -inkey leaf.key -certfile cas.pem -passout pass:pw -out leaf.p12');
    const r = await inspectFile(o.path('leaf.p12'), { now, password: 'pw' });
    const leaf = r.certificates.findIndex((c) => c.subject.commonName === 'chain-leaf.test');
    const root = r.certificates.findIndex((c) => c.subject.commonName === 'Chain Root');
    expect(r.chains[0]?.[0]).toBe(leaf);
    expect(r.chains[0]?.at(-1)).toBe(root);
    expect(r.chains[0]?.length).toBe(3);
    expect(r.privateKeys.map((k) => k.matchesCertificate)).toEqual([leaf]);
    expect(r.hasPrivateKey).toBe(true);
  });
});
