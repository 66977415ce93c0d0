import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli-args.js';
import { run } from '../../src/commands/lab.js';
import type { CommandContext } from '../../src/commands/types.js';
import { CertTutorError } from '../../src/errors.js';
import { openLabServerCount } from '../../src/labs/index.js';
import { fixture } from '../labs/helpers.js';

function capture(input?: string) {
  const out = new PassThrough();
  let stdout = '';
  out.on('data', (d) => {
    stdout += d;
  });
  const stdin = new PassThrough();
  if (input !== undefined) stdin.end(input);
  const ctx: CommandContext = {
    stdout: out,
    stderr: new PassThrough(),
    stdin,
    color: false,
    now: new Date('2026-11-26T12:00:00Z'),
    env: {},
  };
  return { ctx, stdout: () => stdout };
}

async function thrown(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('cert-tutor lab', () => {
  it('lists the three labs', async () => {
    const c = capture();
    expect(await run([], c.ctx)).toBe(0);
    for (const id of ['mtls', 'server-identity', 'dual-use']) expect(c.stdout()).toContain(id);
  });

  it('runs the choices typed on a piped stdin and stops at q', async () => {
    const c = capture('1\n6\nq\n');
    expect(await run(['mtls'], c.ctx)).toBe(0);
    const text = c.stdout();
    expect(text).toContain('1. present the client certificate');
    expect(text).toContain('Result: ACCEPTED');
    expect(text).toContain('Alert from the server: certificate_required (116)');
    expect(openLabServerCount()).toBe(0);
  });

  it('answers a choice that is not on the menu with what to type', async () => {
    const c = capture('9\n');
    expect(await run(['server-identity'], c.ctx)).toBe(0);
    expect(c.stdout()).toContain('Please type a number from 1 to 6');
  });

  it('prints the result of one handshake as JSON with the file the user presented', async () => {
    const c = capture();
    const code = await run(
      ['mtls', '--present', fixture('leaf/server.pem'), '--key', fixture('leaf/server.key'), '--json'],
      c.ctx,
    );
    expect(code).toBe(0);
    const r = JSON.parse(c.stdout());
    expect(r).toMatchObject({ lab: 'mtls', scenario: 'custom', outcome: 'refused' });
    expect(r.verifyFailure).toMatchObject({ code: 'INVALID_PURPOSE', number: 26 });
    expect(r.certificate.source).toBe(fixture('leaf/server.pem'));
  });

  it('lets --ca choose whom the server trusts, and sends those CA names in CertificateRequest', async () => {
    const c = capture();
    const argv = [
      'mtls',
      '--present',
      fixture('leaf/client-other-ca.pem'),
      '--key',
      fixture('leaf/client-other-ca.key'),
    ];
    expect(await run([...argv, '--ca', fixture('ca/other-root-ca.pem'), '--json'], c.ctx)).toBe(0);
    const r = JSON.parse(c.stdout());
    expect(r.outcome).toBe('accepted');
    expect(r.caNames).toEqual(['CN=Unknown Other Root CA']);
  });

  it('checks a server certificate against a name given on the command line', async () => {
    const c = capture();
    const argv = [
      'server-identity',
      '--server',
      fixture('leaf/server.pem'),
      '--key',
      fixture('leaf/server.key'),
    ];
    expect(await run([...argv, '--name', 'example.test', '--json'], c.ctx)).toBe(0);
    const r = JSON.parse(c.stdout());
    // The file holds the leaf alone, so the intermediate is missing: the chain fails before the name.
    expect(r.verifyFailure.code).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('runs a named scenario of the dual-use lab in text', async () => {
    const c = capture();
    expect(await run(['dual-use', '--scenario', 'any-eku'], c.ctx)).toBe(0);
    expect(c.stdout()).toContain('As a server: REFUSED.  As a client: REFUSED.');
  });

  it('turns an unreadable file into one line for exit 1', async () => {
    const err = await thrown(run(['mtls', '--present', '/nonexistent/client.pem'], capture().ctx));
    // Any user-facing error maps to one line and exit 1 in src/cli.ts.
    expect(err).toBeInstanceOf(CertTutorError);
    expect((err as CertTutorError).exitStatus).toBe(1);
    expect((err as Error).message).toBe(
      'cannot read /nonexistent/client.pem: no such file (check the certificate path)',
    );
  });

  it.each([
    [['nosuchlab']],
    [['mtls', '--server', 'x.pem']],
    [['server-identity', '--server', 'x.pem']],
    [['mtls', '--scenario', 'nope']],
    [['mtls', '--key', 'k.pem']],
    [['mtls', '--frobnicate']],
  ])('calls %j a usage error (exit 2)', async (argv) => {
    expect(await thrown(run(argv, capture().ctx))).toBeInstanceOf(UsageError);
  });
});
