/**
 * Typical mistakes with PFX files, keys, dual use and renewal, made with the real openssl in a copy
 * of a solved workspace, fail with a message naming the file, the field and the rule.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { failedNames, issue, messageOf, request, solvedWorkspace, withMistake } from './workspace.js';

let ws: string;
beforeAll(async () => {
  ws = await solvedWorkspace();
}, 120_000);

const EXPORT = '-inkey ../server-cert/server.key -in ../server-cert/server.crt -passout file:password.txt';

describe('pfx-export mistakes', () => {
  it('a legacy PFX', async () => {
    const r = await withMistake(
      ws,
      'pfx-export',
      `openssl pkcs12 -export -legacy ${EXPORT} -certfile ../root-ca/ca.crt -out bundle.pfx`,
    );
    expect(failedNames(r)).toEqual(['bundle.pfx: MAC', 'bundle.pfx: encryption', 'bundle.pfx: algorithms']);
    expect(messageOf(r, 'bundle.pfx: MAC')).toMatch(
      /its MAC uses SHA-1; the task asks for a SHA-256 MAC \(PKCS#12 MacData, RFC 7292 §4\)/,
    );
    expect(messageOf(r, 'bundle.pfx: algorithms')).toMatch(
      /uses legacy algorithms .*PBES2 with AES \(RFC 8018 §6\.2\)/,
    );
  });

  it('a PFX without the chain', async () => {
    const r = await withMistake(ws, 'pfx-export', `openssl pkcs12 -export ${EXPORT} -out bundle.pfx`);
    expect(failedNames(r)).toEqual(['bundle.pfx: certificates']);
    expect(messageOf(r, 'bundle.pfx: certificates')).toMatch(
      /holds 1 certificate\(s\); the task asks for the certificate and its chain/,
    );
  });
});

describe('pfx-legacy mistakes', () => {
  it('an AES PFX for the legacy task', async () => {
    const r = await withMistake(ws, 'pfx-legacy', `openssl pkcs12 -export ${EXPORT} -out legacy.pfx`);
    expect(failedNames(r)).toEqual(['legacy.pfx: MAC', 'legacy.pfx: encryption', 'legacy.pfx: algorithms']);
    expect(messageOf(r, 'legacy.pfx: encryption')).toMatch(
      /a part is encrypted with AES-256-CBC with PBKDF2-HMAC-SHA256, 2048 iterations; the task asks for 3DES on every part \(PKCS#12 PBE, RFC 7292 Appendix C\)/,
    );
    expect(messageOf(r, 'legacy.pfx: algorithms')).toMatch(/uses modern algorithms \(PBES2 with AES\)/);
  });

  it('-legacy alone: the certificates under 40-bit RC2', async () => {
    const r = await withMistake(ws, 'pfx-legacy', `openssl pkcs12 -export -legacy ${EXPORT} -out legacy.pfx`);
    expect(failedNames(r)).toEqual(['legacy.pfx: encryption']);
    expect(messageOf(r, 'legacy.pfx: encryption')).toMatch(
      /a part is encrypted with pbeWithSHAAnd40BitRC2-CBC/,
    );
  });
});

describe('keyspec mistakes', () => {
  it('-keysig: AT_SIGNATURE', async () => {
    const r = await withMistake(ws, 'keyspec', `openssl pkcs12 -export -keysig ${EXPORT} -out keyex.pfx`);
    expect(failedNames(r)).toEqual(['keyex.pfx: KeySpec']);
    expect(messageOf(r, 'keyex.pfx: KeySpec')).toMatch(
      /KeySpec is AT_SIGNATURE; the task asks for AT_KEYEXCHANGE: .*2\.5\.29\.15/,
    );
  });

  it('no KeySpec at all', async () => {
    const r = await withMistake(ws, 'keyspec', `openssl pkcs12 -export ${EXPORT} -out keyex.pfx`);
    expect(messageOf(r, 'keyex.pfx: KeySpec')).toMatch(/KeySpec is not recorded/);
  });
});

describe('extract-key mistakes', () => {
  it('an encrypted key', async () => {
    const r = await withMistake(
      ws,
      'extract-key',
      'openssl pkcs12 -in given.pfx -passin file:given-password.txt -nocerts -passout pass:secret -out key.pem',
    );
    expect(failedNames(r)).toContain('key.pem: format');
    expect(messageOf(r, 'key.pem: format')).toMatch(
      /is ENCRYPTED PRIVATE KEY, encrypted; the task asks for an unencrypted PKCS#8 key.*RFC 7468 §10/,
    );
  });

  it('a traditional RSA key', async () => {
    const r = await withMistake(
      ws,
      'extract-key',
      'openssl rsa -in key.pem -traditional -out k2.pem 2>/dev/null && mv k2.pem key.pem',
    );
    expect(failedNames(r)).toEqual(['key.pem: format']);
    expect(messageOf(r, 'key.pem: format')).toMatch(
      /is RSA PRIVATE KEY; the task asks for an unencrypted PKCS#8 key/,
    );
  });

  it('a key that does not match the PFX', async () => {
    const r = await withMistake(ws, 'extract-key', 'cp ../server-cert/server.key key.pem');
    expect(failedNames(r)).toEqual(['key.pem: matches given.pfx', 'key.pem: matches cert.pem']);
    expect(messageOf(r, 'key.pem: matches given.pfx')).toMatch(
      /is not the key of the certificate in given\.pfx \(subjectPublicKeyInfo, RFC 5280 §4\.1\.2\.7\)/,
    );
  });
});

describe('dual-use mistakes', () => {
  it('serverAuth only: refused as a client in the real handshake', async () => {
    const r = await withMistake(
      ws,
      'dual-use',
      `${request('both', 'node1.example.test')} && ${issue('both', 'basicConstraints=critical,CA:FALSE', 'extendedKeyUsage=serverAuth', 'subjectAltName=DNS:node1.example.test')}`,
    );
    expect(failedNames(r)).toEqual([
      'both.crt: usable for clientAuth',
      'both.crt: handshake as a TLS client certificate (mTLS)',
    ]);
    expect(messageOf(r, 'both.crt: usable for clientAuth')).toMatch(
      /its EKU lists only serverAuth \(1\.3\.6\.1\.5\.5\.7\.3\.1\), not clientAuth \(1\.3\.6\.1\.5\.5\.7\.3\.2\): RFC 5280 §4\.2\.1\.12/,
    );
  });

  it('anyExtendedKeyUsage alone: RFC 5280 allows it, OpenSSL refuses it in both handshakes', async () => {
    const r = await withMistake(
      ws,
      'dual-use',
      `${request('both', 'node1.example.test')} && ${issue('both', 'basicConstraints=critical,CA:FALSE', 'extendedKeyUsage=anyExtendedKeyUsage', 'subjectAltName=DNS:node1.example.test')}`,
    );
    expect(failedNames(r)).toEqual([
      'both.crt: handshake as a TLS server for node1.example.test',
      'both.crt: handshake as a TLS client certificate (mTLS)',
    ]);
  });
});

describe('renew mistakes', () => {
  const renew = (days: number, key = 'old.key') =>
    `openssl x509 -x509toreq -in old.crt -signkey ${key} -out new.csr 2>/dev/null && ${issue('new', 'basicConstraints=critical,CA:FALSE', 'extendedKeyUsage=serverAuth', 'subjectAltName=DNS:app.example.test').replace('-days 90', `-days ${days}`)}`;

  it('a lifetime of 365 days', async () => {
    const r = await withMistake(ws, 'renew', renew(365));
    expect(failedNames(r)).toEqual(['new.crt: lifetime']);
    expect(messageOf(r, 'new.crt: lifetime')).toMatch(
      /lifetime is 365 days .*at most 200, the public-CA limit since 15 March 2026 \(CA\/Browser Forum BR §6\.3\.2\)/,
    );
  });

  it('a new key and other names', async () => {
    const r = await withMistake(
      ws,
      'renew',
      `${request('new', 'app2.example.test')} && ${issue('new', 'basicConstraints=critical,CA:FALSE', 'subjectAltName=DNS:app2.example.test')}`,
    );
    expect(failedNames(r)).toEqual(['new.crt: same key as old.crt', 'new.crt: same names as old.crt']);
    expect(messageOf(r, 'new.crt: same key as old.crt')).toMatch(
      /its subjectPublicKeyInfo is not the key of old\.crt.*RFC 5280 §4\.1\.2\.7/,
    );
    expect(messageOf(r, 'new.crt: same names as old.crt')).toMatch(
      /its subject is CN=app2\.example\.test, not CN=app\.example\.test, O=cert-tutor exercises/,
    );
  });
});
