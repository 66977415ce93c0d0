/** Test helper: certificates made by the real openssl command line (the oracle; tests only). */
import { execFileSync } from 'node:child_process';

/** What opensslSelfSigned makes. */
export interface SelfSignedRequest {
  /** Where the new P-256 key and the certificate are written (relative to `cwd` if given). */
  key: string;
  cert: string;
  /** The subject, e.g. "/CN=Root". */
  subject: string;
  days?: number;
  /** Each value is given to `-addext`. */
  addext?: string[];
  cwd?: string;
}

/** `openssl req -x509` with a new P-256 key and no passphrase: a self-signed certificate. */
export function opensslSelfSigned(r: SelfSignedRequest): void {
  const args = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-noenc'];
  args.push('-keyout', r.key, '-out', r.cert, '-days', String(r.days ?? 30), '-subj', r.subject);
  for (const e of r.addext ?? []) args.push('-addext', e);
  execFileSync('openssl', args, { stdio: 'ignore', ...(r.cwd ? { cwd: r.cwd } : {}) });
}
