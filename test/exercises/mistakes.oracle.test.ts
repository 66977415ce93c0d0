/**
 * Typical mistakes with certificates, chains and requests, made with the real openssl in a copy of
 * a solved workspace, fail with a message naming the file, the field and the rule. The expected
 * texts are written from the rules.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EC, failedNames, issue, messageOf, request, solvedWorkspace, withMistake } from './workspace.js';

let ws: string;
const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
beforeAll(async () => {
  ws = await solvedWorkspace();
}, 120_000);

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
    const usable = 'server.crt: usable for serverAuth';
    const swap = 'cp ../client-cert/client.crt server.crt && cp ../client-cert/client.key server.key';
    const why = 'its EKU lists only clientAuth (1.3.6.1.5.5.7.3.2), not serverAuth (1.3.6.1.5.5.7.3.1)';
    const message = new RegExp(
      `^server\\.crt: not usable for serverAuth: ${escapeRe(why)}: RFC 5280 §4\\.2\\.1\\.12$`,
    );
    await expectMistake('server-cert', swap, [usable], { [usable]: message }, true);
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
    const usable = 'client.crt: usable for clientAuth';
    const handshake = 'client.crt: handshake as a TLS client certificate (mTLS)';
    const swap = 'cp ../server-cert/server.crt client.crt && cp ../server-cert/server.key client.key';
    const why = 'its EKU lists only serverAuth (1.3.6.1.5.5.7.3.1), not clientAuth (1.3.6.1.5.5.7.3.2)';
    const failed = [usable, 'client.crt: not usable for serverAuth', 'client.crt: for student1', handshake];
    await expectMistake('client-cert', swap, failed, {
      [usable]: new RegExp(
        `^client\\.crt: not usable for clientAuth: ${escapeRe(why)}: RFC 5280 §4\\.2\\.1\\.12$`,
      ),
      [handshake]: /refused it .*the task needs it accepted/,
    });
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

/**
 * Makes the mistake in a copy of the solved workspace: the checks that fail are `failed` (exactly, or
 * at least these with `atLeast`), and each message named in `messages` matches its pattern.
 */
async function expectMistake(
  exercise: string,
  command: string,
  failed: string[],
  messages: Record<string, RegExp>,
  atLeast = false,
) {
  const r = await withMistake(ws, exercise, command);
  expect(failedNames(r)).toEqual(atLeast ? expect.arrayContaining(failed) : failed);
  for (const [name, pattern] of Object.entries(messages)) expect(messageOf(r, name)).toMatch(pattern);
}

describe('fix-the-chain mistakes', () => {
  const chains = 'fullchain.pem: chains to ca.crt';
  const handshake = 'fullchain.pem: handshake as a TLS server for www.example.test';
  const candidate = (n: number) => `cat leaf.crt candidates/intermediate-${n}.crt > fullchain.pem`;

  it('the expired candidate', async () => {
    await expectMistake('fix-the-chain', candidate(2), [chains, handshake], {
      [chains]:
        /CN=cert-tutor Exercise Intermediate CA, O=cert-tutor exercises is outside its validity period/,
    });
  });

  it('the candidate that is not a CA', async () => {
    await expectMistake('fix-the-chain', candidate(3), [chains, handshake], {
      [chains]: /is not a CA \(basicConstraints cA is not TRUE\): RFC 5280 §4\.2\.1\.9/,
    });
  });

  it('the candidate with the wrong key', async () => {
    await expectMistake(
      'fix-the-chain',
      candidate(1),
      [chains],
      { [chains]: /^fullchain\.pem: does not chain to ca\.crt: / },
      true,
    );
  });

  it('the right intermediate, but first', async () => {
    const first = 'fullchain.pem: first certificate';
    await expectMistake(
      'fix-the-chain',
      'cat candidates/intermediate-4.crt leaf.crt > fullchain.pem',
      [first, 'fullchain.pem: order'],
      { [first]: /a server sends its own certificate first \(RFC 8446 §4\.4\.2\)/ },
      true,
    );
  });
});

describe('csr mistakes', () => {
  it('the name only in the CN', async () => {
    const req = `openssl req -new ${EC} -keyout request.key -out request.csr -subj "/CN=api.example.test" -addext "extendedKeyUsage=serverAuth" 2>/dev/null`;
    await expectMistake('csr', req, ['request.csr: subjectAltName'], {
      'request.csr: subjectAltName':
        /requests no subjectAltName and has api\.example\.test only in the CN; .*RFC 5280 §4\.2\.1\.6/,
    });
  });

  it('a key that does not match, and the key pasted into the request', async () => {
    const cmd =
      'openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out request.key && cat request.key >> request.csr';
    await expectMistake('csr', cmd, ['request.csr: no private key', 'request.key: matches request.csr'], {
      'request.csr: no private key':
        /holds a PRIVATE KEY block; a request carries only the public key .*RFC 2986/,
      'request.key: matches request.csr': /its public key is not the one in request\.csr/,
    });
  });
});
