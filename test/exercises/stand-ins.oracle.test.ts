/**
 * A Windows learner's files: NAME.pfx with password.txt in place of NAME.crt + its key, and a DER
 * NAME.cer in place of a PEM NAME.crt, made here with openssl as Export-PfxCertificate and
 * Export-Certificate would make them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { failedNames, messageOf, solvedWorkspace, withMistake } from './workspace.js';

let ws: string;
beforeAll(async () => {
  ws = await solvedWorkspace();
}, 120_000);

const toPfx = (name: string) =>
  `echo pw123 > password.txt && openssl pkcs12 -export -inkey ${name}.key -in ${name}.crt -passout file:password.txt -out ${name}.pfx && rm ${name}.crt ${name}.key`;

describe('files that stand for NAME.crt and its key', () => {
  it('root-ca: ca.pfx + password.txt passes, and the next exercise chains to it', async () => {
    const r = await withMistake(ws, 'root-ca', toPfx('ca'));
    expect(failedNames(r)).toEqual([]);
    expect(messageOf(r, 'ca.pfx: private key matches')).toMatch(
      /^ca\.pfx: its public key is the one in the certificate's subjectPublicKeyInfo/,
    );
    const next = await withMistake(ws, 'server-cert', `cd ../root-ca && ${toPfx('ca')}`);
    expect(failedNames(next)).toEqual([]);
  });

  it('server-cert: server.pfx + password.txt passes, handshake included', async () => {
    const r = await withMistake(ws, 'server-cert', toPfx('server'));
    expect(r.passed).toBe(true);
    expect(r.checks.map((c) => c.name)).toContain(
      'server.pfx: handshake as a TLS server for www.example.test',
    );
  });

  it('client-cert: a DER client.cer with client.key passes', async () => {
    const r = await withMistake(
      ws,
      'client-cert',
      'openssl x509 -in client.crt -outform DER -out client.cer && rm client.crt',
    );
    expect(r.passed).toBe(true);
    expect(r.checks[0]?.name).toMatch(/^client\.cer: /);
  });

  it('a PFX without password.txt says so', async () => {
    const r = await withMistake(ws, 'server-cert', `${toPfx('server')} && rm password.txt`);
    expect(r.passed).toBe(false);
    expect(r.checks[0]?.message).toBe(
      "server.pfx: password.txt is missing; put the PFX's password on its first line",
    );
  });

  it('nothing written yet: each check names the file to write', async () => {
    const r = await withMistake(ws, 'server-cert', 'rm server.crt server.key');
    expect(r.passed).toBe(false);
    expect(r.checks.map((c) => c.message)).toEqual([
      'server.crt: not found; write it in server-cert/ (or server.cer in DER, or server.pfx with password.txt)',
    ]);
  });

  it('a file that is not a certificate: one line from the engine', async () => {
    const r = await withMistake(ws, 'root-ca', 'head -c 300 /dev/urandom > ca.crt');
    expect(r.passed).toBe(false);
    expect(r.checks[0]?.message).toMatch(/^ca\.crt: /);
    expect(r.checks[0]?.message).not.toMatch(/\n|at .*\.ts/);
  });

  it('an escape sequence in a subject reaches the message as \\x1b, never raw', async () => {
    const r = await withMistake(
      ws,
      'client-cert',
      `openssl req -new -key client.key -subj "/CN=evil$(printf '\\033')[31mred" -out e.csr && openssl x509 -req -in e.csr -CA ../root-ca/ca.crt -CAkey ../root-ca/ca.key -set_serial 7 -days 30 -out client.crt 2>/dev/null`,
    );
    const all = r.checks.map((c) => c.message).join('\n');
    expect(all).not.toMatch(/\u001b/);
    expect(all).toContain('CN=evil\\x1b[31mred');
  });

  it('a request file over 10 MB is refused before it is read, in one line', async () => {
    const r = await withMistake(ws, 'csr', 'truncate -s 11M request.csr');
    expect(r.checks).toEqual([
      {
        name: 'request.csr: readable',
        passed: false,
        message: expect.stringMatching(/^request\.csr: file is too large \(.*\)/),
      },
    ]);
  });

  it('a folder where a file should be: one line, no stack trace', async () => {
    const r = await withMistake(ws, 'root-ca', 'rm ca.crt && mkdir ca.crt');
    expect(r.passed).toBe(false);
    expect(r.checks[0]?.message).toMatch(/^ca\.crt: /);
  });
});
