/** The built binary (dist/cert-tutor.js, made by `npm run build`, which `npm test` runs first). */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { fixture, makeLeaf, tempDir } from '../labs/helpers.js';

const BIN = join(packageRoot(), 'dist', 'cert-tutor.js');

function cli(args: string[], input = '') {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cert-tutor lab, the built binary', () => {
  beforeAll(() => {
    expect(existsSync(BIN), 'dist/cert-tutor.js is missing: run npm run build').toBe(true);
  });

  it('exits 0 with JSON when the client certificate is accepted', () => {
    const r = cli([
      'lab',
      'mtls',
      '--present',
      fixture('leaf/client.pem'),
      '--key',
      fixture('leaf/client.key'),
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ lab: 'mtls', outcome: 'accepted', protocol: 'TLSv1.3' });
  });

  it('exits 0 with JSON when the handshake ran and the server refused, also for an openssl-made certificate', () => {
    const dir = tempDir();
    const leaf = makeLeaf(dir, 'web', {
      subject: '/CN=web.example.test',
      ext: [
        'keyUsage=critical,digitalSignature,keyEncipherment',
        'extendedKeyUsage=serverAuth',
        'subjectAltName=DNS:web.example.test',
      ],
    });
    const r = cli(['lab', 'mtls', '--present', leaf.cert, '--key', leaf.key, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).verifyFailure).toMatchObject({ code: 'INVALID_PURPOSE', number: 26 });
    const chain = join(dir, 'web-chain.pem');
    writeFileSync(
      chain,
      `${readFileSync(leaf.cert, 'utf8')}\n${readFileSync(fixture('ca/intermediate-ca.pem'), 'utf8')}`,
    );
    const ok = cli([
      'lab',
      'server-identity',
      '--server',
      chain,
      '--key',
      leaf.key,
      '--name',
      'web.example.test',
      '--json',
    ]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).outcome).toBe('accepted');
  });

  it('exits 1 with one line when the file cannot be used', () => {
    const r = cli([
      'lab',
      'mtls',
      '--present',
      fixture('leaf/client.pem'),
      '--key',
      fixture('leaf/server.key'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('does not belong to the certificate');
    expect(r.stderr).not.toContain('PRIVATE KEY');
  });

  it('exits 1 when a server certificate comes without its private key', () => {
    const r = cli([
      'lab',
      'server-identity',
      '--server',
      fixture('leaf/server.pem'),
      '--name',
      'www.example.test',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('without its private key');
  });

  it('exits 2 for a usage error', () => {
    const r = cli(['lab', 'server-identity', '--name', 'www.example.test']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs both --server FILE and --name HOST');
  });

  it('runs the numbered choices piped into it, and says whether a prediction came true', () => {
    const r = cli(['lab', 'server-identity'], '2\n1r\nother\n');
    expect(r.stdout).toContain('You predicted REFUSED: not this time.');
    expect(r.stdout).toContain('Please type a number from 1 to 6');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Result: REFUSED');
    expect(r.stdout).toContain('RFC 9110');
  });

  it('leaves nothing listening while it waits at the menu, and exits on Ctrl+C', async () => {
    const child = spawn(process.execPath, [BIN, 'lab', 'mtls'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d) => {
        out += String(d);
        if (out.includes('Choose 1-7')) resolve();
      });
    });
    const ss = spawnSync('ss', ['-ltnpH'], { encoding: 'utf8' }).stdout;
    expect(ss.split('\n').filter((l) => l.includes(`pid=${child.pid},`))).toEqual([]);
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGINT');
    });
    expect(code).toBe(130);
  });
});
