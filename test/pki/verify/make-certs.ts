/**
 * Makes small certificate hierarchies with the real openssl for the validator's oracle tests.
 * Keys are P-256 (fast to make); each certificate gets the extensions written in the test.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function run(args: string[]): string {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

export interface Made {
  name: string;
  pem: string;
  key: string;
  der: Uint8Array;
}

export class CertMaker {
  private serial = 1;
  constructor(private readonly dir: string) {}

  private key(name: string, explicit = false, rsaBits?: number): string {
    const path = join(this.dir, `${name}.key`);
    if (rsaBits) {
      run(['genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${rsaBits}`, '-out', path]);
      return path;
    }
    const args = ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', path];
    if (explicit) args.push('-param_enc', 'explicit');
    run(args);
    return path;
  }

  private finish(name: string, key: string): Made {
    const pem = join(this.dir, `${name}.pem`);
    const bytes = spawnSync('openssl', ['x509', '-in', pem, '-outform', 'DER']).stdout;
    return { name, pem, key, der: new Uint8Array(bytes) };
  }

  /** A self-signed certificate with these extension lines (openssl x509v3_config). */
  selfSigned(name: string, subject: string, ext: string[], days = 3650): Made {
    const key = this.key(name);
    return this.sign(name, key, subject, ext, ['-signkey', key, '-days', String(days)]);
  }

  /** A certificate issued by `issuer`. */
  issued(
    name: string,
    subject: string,
    issuer: Made,
    ext: string[],
    opts: { days?: number; explicit?: boolean; rsaBits?: number; sha1?: boolean } = {},
  ): Made {
    const key = this.key(name, opts.explicit, opts.rsaBits);
    const signer = ['-CA', issuer.pem, '-CAkey', issuer.key, '-days', String(opts.days ?? 365)];
    return this.sign(name, key, subject, ext, [...signer, ...(opts.sha1 ? ['-sha1'] : [])]);
  }

  /** A CSR for `key`, then `openssl x509 -req` with `signer` options and the extension lines. */
  private sign(name: string, key: string, subject: string, ext: string[], signer: string[]): Made {
    const extFile = join(this.dir, `${name}.ext`);
    writeFileSync(extFile, `${ext.join('\n')}\n`);
    const csr = join(this.dir, `${name}.csr`);
    run(['req', '-new', '-key', key, '-subj', subject, '-out', csr]);
    const out = join(this.dir, `${name}.pem`);
    run([
      'x509',
      '-req',
      '-in',
      csr,
      ...signer,
      '-set_serial',
      String(this.serial++),
      '-extfile',
      extFile,
      '-out',
      out,
    ]);
    return this.finish(name, key);
  }

  /** notAfter of a certificate, as a Date. */
  notAfter(c: Made): Date {
    const out = run(['x509', '-in', c.pem, '-noout', '-enddate']).trim().replace('notAfter=', '');
    return new Date(out);
  }

  /** A file holding several certificates, for -untrusted / -CAfile. */
  bundle(name: string, certs: Made[]): string {
    const path = join(this.dir, `${name}.bundle.pem`);
    writeFileSync(path, certs.map((c) => readFileSync(c.pem, 'utf8')).join(''));
    return path;
  }
}

export interface OpensslVerifyArgs {
  leaf: Made;
  trusted: Made[];
  untrusted?: Made[];
  at: Date;
  purpose?: string;
  host?: string;
  ip?: string;
  email?: string;
  /** -auth_level: the security level a TLS client applies (openssl verify applies none). */
  authLevel?: number;
}

/** `openssl verify`'s verdict: 0 for OK, else the first "error N at D depth" as [N, D]. */
export function opensslVerify(m: CertMaker, a: OpensslVerifyArgs): 0 | [number, number] {
  const args = [
    'verify',
    '-no-CApath',
    '-CAfile',
    m.bundle('trusted', a.trusted),
    '-attime',
    String(Math.floor(a.at.getTime() / 1000)),
  ];
  if (a.untrusted?.length) args.push('-untrusted', m.bundle('untrusted', a.untrusted));
  if (a.purpose) args.push('-purpose', a.purpose);
  if (a.host) args.push('-verify_hostname', a.host);
  if (a.ip) args.push('-verify_ip', a.ip);
  if (a.email) args.push('-verify_email', a.email);
  if (a.authLevel) args.push('-auth_level', String(a.authLevel));
  const r = spawnSync('openssl', [...args, a.leaf.pem], { encoding: 'utf8' });
  if (r.status === 0) return 0;
  const e = `${r.stdout}${r.stderr}`.match(/error (\d+) at (\d+) depth lookup/);
  if (!e) throw new Error(`unexpected openssl verify output: ${r.stdout}${r.stderr}`);
  return [Number(e[1]), Number(e[2])];
}
