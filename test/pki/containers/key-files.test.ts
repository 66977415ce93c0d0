import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchKeyToCertificates, readContainerBytes } from '../../../src/pki/containers/index.js';
import { opensslDir, pemDers } from './openssl.js';

// Key files, PKCS#7 bundles and CSRs made by the openssl CLI at test time.
const o = opensslDir();

beforeAll(() => {
  o.run('genrsa', '-traditional', '-out', 'rsa-trad.key', '2048');
  o.sh('rsa -in rsa-trad.key -traditional -aes256 -passout pass:pw -out rsa-trad-enc.key');
  o.run('pkcs8', '-topk8', '-nocrypt', '-in', 'rsa-trad.key', '-out', 'rsa-p8.key');
  o.sh('pkcs8 -topk8 -v2 aes-256-cbc -in rsa-trad.key -passout pass:pw -out rsa-p8-enc.key');
  o.run('pkcs8', '-topk8', '-in', 'rsa-trad.key', '-passout', 'pass:pw', '-out', 'rsa-p8-default.key');
  o.run('ecparam', '-name', 'secp384r1', '-genkey', '-noout', '-out', 'ec-trad.key');
  o.sh('req -x509 -new -key rsa-trad.key -out rsa.pem -subj /CN=rsa.test -days 30');
  o.sh('req -x509 -new -key ec-trad.key -out ec.pem -subj /CN=ec.test -days 30');
  o.run('crl2pkcs7', '-nocrl', '-certfile', 'rsa.pem', '-certfile', 'ec.pem', '-out', 'bundle.p7b');
  o.sh('crl2pkcs7 -nocrl -certfile rsa.pem -certfile ec.pem -outform DER -out bundle-der.p7b');
  o.sh(
    'req -new -key rsa-trad.key -out req.csr -subj "/CN=www.req.test/O=Req Org" -addext subjectAltName=DNS:www.req.test,DNS:req.test -addext extendedKeyUsage=serverAuth',
  );
});
afterAll(() => o.remove());

const certs = () => [
  ...pemDers(o.run('x509', '-in', 'rsa.pem'), 'CERTIFICATE'),
  ...pemDers(o.run('x509', '-in', 'ec.pem'), 'CERTIFICATE'),
];

const keyCases = [
  { file: 'rsa-trad.key', label: 'RSA PRIVATE KEY', algorithm: 'RSA', size: 2048, encrypted: false, cert: 0 },
  {
    file: 'rsa-trad-enc.key',
    label: 'RSA PRIVATE KEY',
    algorithm: 'RSA',
    size: 2048,
    encrypted: true,
    cert: 0,
  },
  { file: 'rsa-p8.key', label: 'PRIVATE KEY', algorithm: 'RSA', size: 2048, encrypted: false, cert: 0 },
  {
    file: 'rsa-p8-enc.key',
    label: 'ENCRYPTED PRIVATE KEY',
    algorithm: 'RSA',
    size: 2048,
    encrypted: true,
    cert: 0,
  },
  {
    file: 'rsa-p8-default.key',
    label: 'ENCRYPTED PRIVATE KEY',
    algorithm: 'RSA',
    size: 2048,
    encrypted: true,
    cert: 0,
  },
  { file: 'ec-trad.key', label: 'EC PRIVATE KEY', algorithm: 'EC', size: 384, encrypted: false, cert: 1 },
] as const;

describe('private key files made by openssl', () => {
  for (const c of keyCases) {
    it(`describes ${c.file} (${c.label}) and finds the certificate it belongs to`, async () => {
      const text = o.run('pkey', '-in', c.file, '-passin', 'pass:pw', '-noout', '-text');
      const bits = Number(text.match(/(\d+) bit/)?.[1]);
      const r = await readContainerBytes(o.bytes(c.file), {
        path: c.file,
        ...(c.encrypted && { password: 'pw' }),
      });
      expect(r?.error).toBeUndefined();
      expect(r?.format).toBe('private key');
      expect(r?.keys.map((k) => k.report)).toMatchObject([
        { algorithm: c.algorithm, size: bits, encrypted: c.encrypted, format: c.label },
      ]);
      expect(bits).toBe(c.size);
      expect(matchKeyToCertificates(r?.keys ?? [], certs())).toEqual([c.cert]);
    });
  }

  it('reports an encrypted key without its password as encrypted, size unknown, no error', async () => {
    const r = await readContainerBytes(o.bytes('rsa-p8-enc.key'), { path: 'k.key' });
    expect(r?.error).toBeUndefined();
    expect(r?.keys[0]?.report).toEqual({
      algorithm: 'unknown until decrypted',
      encrypted: true,
      format: 'ENCRYPTED PRIVATE KEY',
    });
    expect(r?.notes.join('\n')).toContain('AES-256-CBC with PBKDF2-HMAC-SHA256');
  });

  it('names the algorithm of a traditional encrypted key from its label without the password', async () => {
    const r = await readContainerBytes(o.bytes('rsa-trad-enc.key'), { path: 'k.key' });
    expect(r?.keys[0]?.report).toMatchObject({ algorithm: 'RSA', encrypted: true });
    expect(r?.notes.join('\n')).toContain('AES-256-CBC');
  });

  it('reads scrypt and PBES1 encrypted PKCS#8 keys, which node:crypto decrypts for this reader', async () => {
    o.run('pkcs8', '-topk8', '-scrypt', '-in', 'rsa-trad.key', '-passout', 'pass:pw', '-out', 'scrypt.key');
    o.sh('pkcs8 -topk8 -v1 PBE-SHA1-3DES -in rsa-trad.key -passout pass:pw -out pbes1.key');
    for (const file of ['scrypt.key', 'pbes1.key']) {
      const r = await readContainerBytes(o.bytes(file), { path: file, password: 'pw' });
      expect(r?.error).toBeUndefined();
      expect(r?.keys[0]?.report).toMatchObject({ algorithm: 'RSA', size: 2048, encrypted: true });
      expect(matchKeyToCertificates(r?.keys ?? [], certs())).toEqual([0]);
      const wrong = await readContainerBytes(o.bytes(file), { path: file, password: 'nope' });
      expect(wrong?.error?.code).toBe('wrong-password');
    }
  });

  for (const file of ['rsa-p8-enc.key', 'rsa-trad-enc.key']) {
    it(`gives ${file} with a wrong password the wrong-password error`, async () => {
      const r = await readContainerBytes(o.bytes(file), { path: file, password: 'nope' });
      expect(r?.error?.code).toBe('wrong-password');
    });
  }
});

describe('PKCS#7 bundles made by openssl crl2pkcs7 -nocrl', () => {
  for (const file of ['bundle.p7b', 'bundle-der.p7b']) {
    it(`lists the certificates of ${file} in file order and no key`, async () => {
      const r = await readContainerBytes(o.bytes(file), { path: file });
      expect(r?.format).toBe('PKCS#7');
      expect(r?.certificates.map((c) => Buffer.from(c.der).toString('hex'))).toEqual(
        certs().map((d) => Buffer.from(d).toString('hex')),
      );
      expect(r?.keys).toEqual([]);
    });
  }
});

describe('a CSR made by openssl req -new', () => {
  it('shows subject, requested extensions and public key, and says it holds no private key', async () => {
    const r = await readContainerBytes(o.bytes('req.csr'), { path: 'req.csr' });
    const notes = r?.notes.join('\n') ?? '';
    expect(r?.format).toBe('CSR');
    expect(r?.keys).toEqual([]);
    expect(notes).toContain('CN=www.req.test');
    expect(notes).toContain('O=Req Org');
    expect(notes).toMatch(/requested extensions: .*subjectAltName.*extendedKeyUsage/);
    expect(notes).toContain('www.req.test');
    expect(notes).toContain('public key: RSA 2048 bits');
    expect(notes).toContain('signature: valid');
    expect(notes).toContain('a CSR holds no private key');
    expect(notes).toContain('extendedKeyUsage: serverAuth (1.3.6.1.5.5.7.3.1)');
  });

  it('reads the same CSR in DER and finds the same subject and key', async () => {
    o.run('req', '-in', 'req.csr', '-outform', 'DER', '-out', 'req.der');
    const r = await readContainerBytes(o.bytes('req.der'), { path: 'req.der' });
    expect(r?.format).toBe('CSR');
    expect(r?.notes.join('\n')).toContain('public key: RSA 2048 bits');
    expect(r?.notes.join('\n')).toContain('CN=www.req.test');
  });
});
