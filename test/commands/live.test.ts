import { readFileSync } from 'node:fs';
import { createServer as createTcpServer, type Server } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError, UserError } from '../../src/cli-args.js';
import { run as inspect } from '../../src/commands/inspect.js';
import { run as verify } from '../../src/commands/verify.js';
import { fixturesDir } from '../../src/paths.js';
import { scriptedContext } from './command-context.js';

const fx = (p: string) => `${fixturesDir()}/${p}`;
const NOW = new Date('2026-11-26T12:00:00Z');
const servers: Server[] = [];
const portOf = (s: Server) => (s.address() as { port: number }).port;
const listen = (s: Server) =>
  new Promise<number>((resolve) => {
    servers.push(s);
    s.listen(0, '127.0.0.1', () => resolve(portOf(s)));
  });
let tlsPort = 0;
let plainPort = 0;
let silentPort = 0;
let closedPort = 0;

beforeAll(async () => {
  const cert =
    readFileSync(fx('leaf/server.pem'), 'utf8') + readFileSync(fx('ca/intermediate-ca.pem'), 'utf8');
  tlsPort = await listen(createTlsServer({ cert, key: readFileSync(fx('leaf/server.key')) }, (s) => s.end()));
  plainPort = await listen(createTcpServer((s) => s.end('HTTP/1.1 400 Bad Request\r\n\r\n')));
  silentPort = await listen(createTcpServer(() => {}));
  const gone = createTcpServer();
  closedPort = await new Promise<number>((r) => gone.listen(0, '127.0.0.1', () => r(portOf(gone))));
  await new Promise((r) => gone.close(r));
});
afterAll(() => {
  for (const s of servers) s.close();
});

async function call(cmd: typeof verify, args: string[]) {
  const s = scriptedContext('', NOW, {});
  const code = await cmd(args, s.ctx);
  return { code, out: s.stdout() };
}

describe('a live server on 127.0.0.1', () => {
  it('inspect https://... describes the chain the server presents', async () => {
    const r = await call(inspect, [`https://127.0.0.1:${tlsPort}`, '--json']);
    expect(r.code).toBe(0);
    const f = JSON.parse(r.out).files[0];
    expect(f.path).toBe(`https://127.0.0.1:${tlsPort}`);
    expect(f.certificates.map((c: { subject: { commonName: string } }) => c.subject.commonName)).toEqual([
      'www.example.test',
      'cert-tutor Teaching Intermediate CA',
    ]);
  });

  it('verify https://... validates that chain against --ca, checking the URL host', async () => {
    const byIp = await call(verify, [`https://127.0.0.1:${tlsPort}`, '--ca', fx('ca/root-ca.pem'), '--json']);
    expect(JSON.parse(byIp.out).error).toEqual({ code: 64, depth: 0, text: 'IP address mismatch' });
    const args = [
      `tls://127.0.0.1:${tlsPort}`,
      '--servername',
      'www.example.test',
      '--host',
      'www.example.test',
    ];
    const ok = await call(verify, [...args, '--ca', fx('ca/root-ca.pem')]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/depth 1 {2}.*Intermediate.*\[untrusted\]/);
  });

  it('says in one line that a port is refused, not TLS, or silent', async () => {
    await expect(call(inspect, [`https://127.0.0.1:${closedPort}`])).rejects.toThrow(/connection refused/);
    await expect(call(inspect, [`tls://127.0.0.1:${plainPort}`])).rejects.toThrow(/is it a TLS port/);
    const t0 = Date.now();
    await expect(call(verify, [`tls://127.0.0.1:${silentPort}`, '--timeout', '0.5'])).rejects.toThrow(
      new UserError(`127.0.0.1:${silentPort}: no TLS answer within 0.5 s (try --timeout)`),
    );
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('refuses a URL or timeout it cannot use (usage)', async () => {
    await expect(call(inspect, ['tls://127.0.0.1'])).rejects.toThrow(UsageError);
    await expect(call(verify, [`tls://127.0.0.1:${tlsPort}`, '--timeout', 'soon'])).rejects.toThrow(
      /--timeout/,
    );
  });
});
