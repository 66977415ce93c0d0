/**
 * Typical mistakes, made with the real openssl in a copy of a solved workspace, fail with a message
 * naming the file, the field and the rule. The expected texts are written from the rules.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { failedNames, messageOf, solvedWorkspace, withMistake } from './workspace.js';

let ws: string;
beforeAll(async () => {
  ws = await solvedWorkspace();
}, 120_000);

const EC = '-newkey ec -pkeyopt ec_paramgen_curve:P-256 -noenc';
const SERIAL = '-set_serial 0x$(openssl rand -hex 8)';
/** Issues NAME.crt from NAME.csr with the root and the extension lines given. */
const issue = (name: string, ...ext: string[]) =>
  `printf '%s\\n' ${ext.map((x) => `"${x}"`).join(' ')} > m.ext && openssl x509 -req -in ${name}.csr -CA ../root-ca/ca.crt -CAkey ../root-ca/ca.key ${SERIAL} -days 90 -extfile m.ext -out ${name}.crt 2>/dev/null`;
const request = (name: string, cn: string) =>
  `openssl req -new ${EC} -keyout ${name}.key -subj "/CN=${cn}" -out ${name}.csr 2>/dev/null`;

describe('root-ca mistakes', () => {
  const root = (ku: string, bc = 'critical,CA:TRUE', key = 'rsa:2048') =>
    `openssl req -x509 -newkey ${key} -noenc -keyout ca.key -out ca.crt -days 30 -subj "/CN=Root" -addext "basicConstraints=${bc}" -addext "keyUsage=${ku}" 2>/dev/null`;

  it('a root without keyCertSign', async () => {
    const r = await withMistake(ws, 'root-ca', root('critical,digitalSignature,cRLSign'));
    expect(failedNames(r)).toEqual(['ca.crt: keyUsage keyCertSign']);
    expect(messageOf(r, 'ca.crt: keyUsage keyCertSign')).toMatch(
      /^ca\.crt: keyUsage has digitalSignature, cRLSign, not keyCertSign; a CA key signs certificates only with keyCertSign \(RFC 5280 §4\.2\.1\.3\)/,
    );
  });

  it('a key that does not match', async () => {
    const r = await withMistake(
      ws,
      'root-ca',
      'openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out ca.key',
    );
    expect(failedNames(r)).toEqual(['ca.key: matches ca.crt']);
    expect(messageOf(r, 'ca.key: matches ca.crt')).toMatch(
      /^ca\.key: does not match ca\.crt: .*subjectPublicKeyInfo \(RFC 5280 §4\.1\.2\.7\)/,
    );
  });

  it('cA FALSE and a 1024-bit key', async () => {
    const r = await withMistake(ws, 'root-ca', root('critical,keyCertSign', 'critical,CA:FALSE', 'rsa:1024'));
    expect(failedNames(r)).toEqual(['ca.crt: basicConstraints cA', 'ca.crt: key size']);
    expect(messageOf(r, 'ca.crt: basicConstraints cA')).toMatch(
      /cA is FALSE; a CA certificate needs cA TRUE.*RFC 5280 §4\.2\.1\.9/,
    );
    expect(messageOf(r, 'ca.crt: key size')).toMatch(
      /its key is RSA 1024 bits; use RSA of 2048 bits or more, or EC P-256/,
    );
  });
});

describe('server-cert mistakes', () => {
  it('the name only in the CN: the check says why, and the handshake fails', async () => {
    const r = await withMistake(
      ws,
      'server-cert',
      `${request('server', 'www.example.test')} && ${issue('server', 'basicConstraints=critical,CA:FALSE', 'extendedKeyUsage=serverAuth')}`,
    );
    expect(failedNames(r)).toEqual([
      'server.crt: subjectAltName',
      'server.crt: handshake as a TLS server for www.example.test',
    ]);
    expect(messageOf(r, 'server.crt: subjectAltName')).toMatch(
      /^server\.crt: www\.example\.test is only in the subject CN, not in subjectAltName \(no subjectAltName\); .*MUST NOT use the CN \(RFC 9110 §4\.3\.4/,
    );
    expect(messageOf(r, 'server.crt: handshake as a TLS server for www.example.test')).toMatch(
      /refused it .* the task needs it accepted/,
    );
  });

  it('a client certificate in place of the server one', async () => {
    const r = await withMistake(
      ws,
      'server-cert',
      'cp ../client-cert/client.crt server.crt && cp ../client-cert/client.key server.key',
    );
    expect(failedNames(r)).toContain('server.crt: usable for serverAuth');
    expect(messageOf(r, 'server.crt: usable for serverAuth')).toBe(
      'server.crt: not usable for serverAuth: its EKU lists only clientAuth (1.3.6.1.5.5.7.3.2), not serverAuth (1.3.6.1.5.5.7.3.1): RFC 5280 §4.2.1.12',
    );
  });

  it('a key that does not match: the check and the handshake both fail', async () => {
    const r = await withMistake(
      ws,
      'server-cert',
      'openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out server.key',
    );
    expect(failedNames(r)).toEqual([
      'server.key: matches server.crt',
      'server.crt: handshake as a TLS server for www.example.test',
    ]);
    expect(messageOf(r, 'server.key: matches server.crt')).toMatch(/RFC 5280 §4\.1\.2\.7/);
  });
});

describe('client-cert mistakes', () => {
  it('the server certificate offered as a client certificate: refused in the real mTLS handshake', async () => {
    const r = await withMistake(
      ws,
      'client-cert',
      'cp ../server-cert/server.crt client.crt && cp ../server-cert/server.key client.key',
    );
    expect(failedNames(r)).toEqual([
      'client.crt: usable for clientAuth',
      'client.crt: not usable for serverAuth',
      'client.crt: for student1',
      'client.crt: handshake as a TLS client certificate (mTLS)',
    ]);
    expect(messageOf(r, 'client.crt: usable for clientAuth')).toBe(
      'client.crt: not usable for clientAuth: its EKU lists only serverAuth (1.3.6.1.5.5.7.3.1), not clientAuth (1.3.6.1.5.5.7.3.2): RFC 5280 §4.2.1.12',
    );
    expect(messageOf(r, 'client.crt: handshake as a TLS client certificate (mTLS)')).toMatch(
      /refused it .*the task needs it accepted/,
    );
  });

  it('serverAuth and clientAuth: usable as a server certificate too', async () => {
    const r = await withMistake(
      ws,
      'client-cert',
      `${request('client', 'student1')} && ${issue('client', 'basicConstraints=critical,CA:FALSE', 'extendedKeyUsage=serverAuth,clientAuth')}`,
    );
    expect(failedNames(r)).toEqual(['client.crt: not usable for serverAuth']);
    expect(messageOf(r, 'client.crt: not usable for serverAuth')).toMatch(
      /it is also usable for serverAuth .*leave serverAuth out of its EKU \(RFC 5280 §4\.2\.1\.12\)/,
    );
  });
});

describe('intermediate mistakes', () => {
  it('the chain in the wrong order', async () => {
    const r = await withMistake(ws, 'intermediate', 'cat intermediate.crt leaf.crt > chain.pem');
    expect(failedNames(r)).toEqual(['chain.pem: contents', 'chain.pem: order']);
    expect(messageOf(r, 'chain.pem: order')).toMatch(
      /^chain\.pem: certificate 2 \(CN=www\.example\.test\) did not issue certificate 1 \(CN=My Exercise Intermediate CA\) \(certificate 1 is a CA; the leaf comes first\); .*\(RFC 8446 §4\.4\.2\)/,
    );
  });

  it('an intermediate without pathLenConstraint', async () => {
    const r = await withMistake(
      ws,
      'intermediate',
      `openssl req -new -key intermediate.key -subj "/CN=My Exercise Intermediate CA" -out intermediate.csr && ${issue('intermediate', 'basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign')}`,
    );
    expect(failedNames(r)).toEqual(['intermediate.crt: pathLenConstraint', 'chain.pem: contents']);
    expect(messageOf(r, 'intermediate.crt: pathLenConstraint')).toMatch(
      /pathLenConstraint is absent; the task asks for 0.*RFC 5280 §4\.2\.1\.9/,
    );
  });

  it('an intermediate that is not a CA: the leaf it signed does not chain', async () => {
    const r = await withMistake(
      ws,
      'intermediate',
      `openssl req -new -key intermediate.key -subj "/CN=My Exercise Intermediate CA" -out intermediate.csr && ${issue('intermediate', 'basicConstraints=critical,CA:FALSE')} && cat leaf.crt intermediate.crt > chain.pem`,
    );
    expect(failedNames(r)).toEqual(
      expect.arrayContaining([
        'intermediate.crt: basicConstraints cA',
        'leaf.crt: issued by intermediate.crt',
        'chain.pem: chains to ../root-ca/ca.crt',
      ]),
    );
    expect(messageOf(r, 'leaf.crt: issued by intermediate.crt')).toMatch(
      /is not a CA \(basicConstraints cA is not TRUE\): RFC 5280 §4\.2\.1\.9/,
    );
  });
});

describe('fix-the-chain mistakes', () => {
  it('the expired candidate', async () => {
    const r = await withMistake(
      ws,
      'fix-the-chain',
      'cat leaf.crt candidates/intermediate-2.crt > fullchain.pem',
    );
    expect(failedNames(r)).toEqual([
      'fullchain.pem: chains to ca.crt',
      'fullchain.pem: handshake as a TLS server for www.example.test',
    ]);
    expect(messageOf(r, 'fullchain.pem: chains to ca.crt')).toMatch(
      /CN=cert-tutor Exercise Intermediate CA, O=cert-tutor exercises is outside its validity period/,
    );
  });

  it('the candidate that is not a CA', async () => {
    const r = await withMistake(
      ws,
      'fix-the-chain',
      'cat leaf.crt candidates/intermediate-3.crt > fullchain.pem',
    );
    expect(failedNames(r)).toEqual([
      'fullchain.pem: chains to ca.crt',
      'fullchain.pem: handshake as a TLS server for www.example.test',
    ]);
    expect(messageOf(r, 'fullchain.pem: chains to ca.crt')).toMatch(
      /is not a CA \(basicConstraints cA is not TRUE\): RFC 5280 §4\.2\.1\.9/,
    );
  });

  it('the candidate with the wrong key', async () => {
    const r = await withMistake(
      ws,
      'fix-the-chain',
      'cat leaf.crt candidates/intermediate-1.crt > fullchain.pem',
    );
    expect(failedNames(r)).toContain('fullchain.pem: chains to ca.crt');
    expect(messageOf(r, 'fullchain.pem: chains to ca.crt')).toMatch(
      /^fullchain\.pem: does not chain to ca\.crt: /,
    );
  });

  it('the right intermediate, but first', async () => {
    const r = await withMistake(
      ws,
      'fix-the-chain',
      'cat candidates/intermediate-4.crt leaf.crt > fullchain.pem',
    );
    expect(failedNames(r)).toEqual(
      expect.arrayContaining(['fullchain.pem: first certificate', 'fullchain.pem: order']),
    );
    expect(messageOf(r, 'fullchain.pem: first certificate')).toMatch(
      /a server sends its own certificate first \(RFC 8446 §4\.4\.2\)/,
    );
  });
});

describe('csr mistakes', () => {
  it('the name only in the CN', async () => {
    const r = await withMistake(
      ws,
      'csr',
      `openssl req -new ${EC} -keyout request.key -out request.csr -subj "/CN=api.example.test" -addext "extendedKeyUsage=serverAuth" 2>/dev/null`,
    );
    expect(failedNames(r)).toEqual(['request.csr: subjectAltName']);
    expect(messageOf(r, 'request.csr: subjectAltName')).toMatch(
      /requests no subjectAltName and has api\.example\.test only in the CN; .*RFC 5280 §4\.2\.1\.6/,
    );
  });

  it('a key that does not match, and the key pasted into the request', async () => {
    const r = await withMistake(
      ws,
      'csr',
      'openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out request.key && cat request.key >> request.csr',
    );
    expect(failedNames(r)).toEqual(['request.csr: no private key', 'request.key: matches request.csr']);
    expect(messageOf(r, 'request.csr: no private key')).toMatch(
      /holds a PRIVATE KEY block; a request carries only the public key .*RFC 2986/,
    );
    expect(messageOf(r, 'request.key: matches request.csr')).toMatch(
      /its public key is not the one in request\.csr/,
    );
  });
});

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
