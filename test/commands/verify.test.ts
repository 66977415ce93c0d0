import { describe, expect, it } from 'vitest';
import { UsageError, UserError } from '../../src/cli-args.js';
import { run } from '../../src/commands/verify.js';
import { fixturesDir } from '../../src/paths.js';
import { scriptedContext } from './command-context.js';

const fx = (p: string) => `${fixturesDir()}/${p}`;
// The fixtures' lesson clock, when every teaching certificate is valid.
const NOW = new Date('2026-11-26T12:00:00Z');
const [LEAF, INT, ROOT] = ['leaf/server.pem', 'ca/intermediate-ca.pem', 'ca/root-ca.pem'].map(fx);
const CHAIN = [LEAF, '--untrusted', INT, '--ca', ROOT] as string[];

async function verify(args: string[]) {
  const s = scriptedContext('', NOW, {});
  const code = await run(args, s.ctx);
  return { code, out: s.stdout() };
}

describe('cert-tutor verify', () => {
  it('says valid, shows the chain leaf first and exits 0 for the teaching chain', async () => {
    const r = await verify(CHAIN);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/: valid /);
    expect(r.out).toMatch(
      /depth 0 {2}.*www\.example\.test.*\n {2}depth 1 {2}.*Intermediate.*\[untrusted\]\n {2}depth 2 .*Root.*\[trust store\]/,
    );
  });

  it('prints the JSON the README documents', async () => {
    const r = await verify([...CHAIN, '--json', '--host', 'www.example.test', '--purpose', 'server']);
    const j = JSON.parse(r.out);
    expect(Object.keys(j).sort()).toEqual(['chain', 'checks', 'error', 'trustStore', 'valid', 'warnings']);
    expect(j.valid).toBe(true);
    expect(j.error).toBeNull();
    expect(j.chain.map((c: { source: string }) => c.source)).toEqual(['leaf', 'untrusted', 'trusted']);
    expect(j.checks.some((c: { check: string; ok: boolean }) => c.check === 'identity' && c.ok)).toBe(true);
    expect(j.checks.filter((c: { check: string }) => c.check === 'purpose')).toHaveLength(3);
  });

  it('names the missing intermediate with error 20 and exits 1', async () => {
    const r = await verify([fx('leaf/server.pem'), '--ca', fx('ca/root-ca.pem'), '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.error).toEqual({ code: 20, depth: 0, text: 'unable to get local issuer certificate' });
  });

  it('reports another host name as error 62 in words', async () => {
    const r = await verify([...CHAIN, '--host', 'other.example.test']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/NOT VALID: error 62 at depth 0: hostname mismatch/);
    expect(r.out).toMatch(/not for other\.example\.test: it names DNS:www\.example\.test/);
  });

  it('trusts the system store, not the teaching root, when no --ca is given', async () => {
    const r = await verify([fx('leaf/server.pem'), '--untrusted', fx('ca/intermediate-ca.pem'), '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.error.code).toBe(20);
    expect(j.error.depth).toBe(1);
    expect(j.trustStore.join()).toMatch(/system store/);
  });

  it('refuses bad usage with a UsageError (exit 2)', async () => {
    await expect(verify([])).rejects.toThrow(UsageError);
    await expect(verify([...CHAIN, '--host', 'a.test', '--ip', '10.0.0.1'])).rejects.toThrow(/one of --host/);
    await expect(verify([...CHAIN, '--purpose', 'flying'])).rejects.toThrow(/--purpose must be one of/);
    await expect(verify([...CHAIN, '--at', 'soon'])).rejects.toThrow(UsageError);
    await expect(verify([fx('leaf/server.pem'), fx('ca/root-ca.pem')])).rejects.toThrow(UsageError);
  });

  it('says in one line which file cannot be read (exit 1)', async () => {
    await expect(verify(['/nonexistent/cert.pem'])).rejects.toThrow(UserError);
    await expect(verify([fx('leaf/server.pem'), '--ca', fixturesDir()])).rejects.toThrow(/is a folder/);
  });
});

describe('cert-tutor verify on a pipe', () => {
  it('stops reading a pipe past the size limit (bounded memory, one line)', async () => {
    const { spawn, execFileSync } = await import('node:child_process');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/verify-fifo-`);
    const fifo = `${dir}/big.pem`;
    execFileSync('mkfifo', [fifo]);
    // An endless pipe: a reader that does not stop at the limit would never finish.
    const writer = spawn('sh', ['-c', `cat /dev/zero > '${fifo}'`], { stdio: 'ignore' });
    try {
      await expect(verify([fifo])).rejects.toThrow(/too large \(more than 10,485,760 bytes\)/);
    } finally {
      writer.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
