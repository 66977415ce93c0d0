import { UsageError, UserError } from '../cli-args.js';
import { PkiError } from '../pki/errors.js';
import { readCertificates, systemRoots } from '../pki/verify/files.js';
import { PURPOSE_ALIASES, type VerifyInput, verifyPath } from '../pki/verify/index.js';
import { parseAtOption } from './at-option.js';
import { VERIFY } from './index.js';
import { fetchLive, isLiveUrl } from './live-source.js';
import { parseCommand } from './spec.js';
import type { CommandContext } from './types.js';
import { renderVerify } from './verify-render.js';

/** A server named in the URL is checked by name, or by address when the URL gives an IP. */
const serverIdentity = (host: string) =>
  /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':') ? { ip: host } : { host };

async function certs(path: string): Promise<Uint8Array[]> {
  try {
    return await readCertificates(path);
  } catch (e) {
    if (e instanceof PkiError) throw new UserError(`${path}: ${e.message}`);
    throw e;
  }
}

/**
 * `cert-tutor verify CERT [--untrusted FILE]... [--ca FILE]... [--system] [--host NAME | --ip ADDR |
 * --email ADDR] [--purpose P] [--at DATE] [--json]`: exit 0 valid, 1 not valid or unreadable, 2 usage.
 */
export async function run(argv: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommand(argv, VERIFY);
  if (positionals.length !== 1)
    throw new UsageError(
      positionals.length
        ? 'verify takes one CERT (give the others with --untrusted)'
        : 'verify needs a CERT file',
    );
  const ids = (['host', 'ip', 'email'] as const).filter((k) => values[k] !== undefined);
  if (ids.length > 1) throw new UsageError('give one of --host, --ip and --email');
  let purpose: VerifyInput['purpose'];
  if (values.purpose !== undefined) {
    purpose = PURPOSE_ALIASES[values.purpose.toLowerCase()];
    if (!purpose)
      throw new UsageError(
        `--purpose must be one of ${Object.keys(PURPOSE_ALIASES).join(', ')}, not '${values.purpose}'`,
      );
  }
  const at = parseAtOption(values.at, ctx.now);
  const source = positionals[0]!;
  let fromServer: string | null = null;
  let found: Uint8Array[];
  if (isLiveUrl(source)) {
    const live = await fetchLive(source, { servername: values.servername, timeout: values.timeout });
    found = live.certs;
    fromServer = live.host;
  } else found = await certs(source);
  const [leaf, ...rest] = found;
  const untrusted = [...rest];
  for (const f of values.untrusted ?? []) untrusted.push(...(await certs(f)));
  const trusted: Uint8Array[] = [];
  for (const f of values.ca ?? []) trusted.push(...(await certs(f)));
  const stores = (values.ca ?? []).map((f) => `--ca ${f}`);
  if (values.system || !values.ca?.length) {
    const sys = await systemRoots();
    trusted.push(...sys.certs);
    stores.push(`the system store (${sys.from})`);
  }
  if (values['crl-all'] && !values.crl?.length)
    throw new UsageError('--crl-all checks the CRLs given with --crl FILE: give at least one');
  const crls = values.crl?.length ? await readCrls(values.crl) : undefined;
  let result: Awaited<ReturnType<typeof verifyPath>>;
  try {
    result = await verifyPath({
      ...(crls ? { crls, crlCheckAll: values['crl-all'] === true } : {}),
      leaf: leaf!,
      untrusted,
      trusted,
      at,
      ...(purpose ? { purpose } : {}),
      ...(values.host !== undefined ? { host: values.host } : {}),
      ...(fromServer !== null && ids.length === 0 ? serverIdentity(fromServer) : {}),
      ...(values.ip !== undefined ? { ip: values.ip } : {}),
      ...(values.email !== undefined ? { email: values.email } : {}),
    });
  } catch (e) {
    if (e instanceof PkiError) throw new UserError(`${positionals[0]}: ${e.message}`);
    throw e;
  }
  if (values.json) ctx.stdout.write(`${JSON.stringify({ ...result, trustStore: stores }, null, 2)}\n`);
  else ctx.stdout.write(renderVerify(positionals[0]!, result, stores, { color: ctx.color }));
  return result.valid ? 0 : 1;
}

/** The CRLs of the --crl files (a PEM "X509 CRL" block or DER each); a file that holds none is a user error. */
async function readCrls(files: string[]): Promise<Uint8Array[]> {
  const [{ readFileCapped }, { crlDer }] = await Promise.all([
    import('../pki/file-limits.js'),
    import('../pki/crl-report.js'),
  ]);
  return files.map((f) => {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileCapped(f));
    } catch (e) {
      throw new UserError(`${f}: ${(e as Error).message}`);
    }
    const der = crlDer(bytes);
    if (!der) throw new UserError(`${f}: not a CRL (give a PEM "X509 CRL" file or a DER CRL)`);
    return der;
  });
}
