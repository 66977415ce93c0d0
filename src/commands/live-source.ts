import { UsageError, UserError } from '../cli-args.js';
import { PkiError } from '../pki/errors.js';

/** The options `inspect` and `verify` take for a live server. */
export const LIVE_OPTIONS = {
  servername: {
    type: 'string',
    value: 'NAME',
    description: 'with https:// or tls://: the server name to ask for (SNI; default: the URL host)',
  },
  timeout: {
    type: 'string',
    value: 'SECONDS',
    description: 'with https:// or tls://: give up after SECONDS (default 5)',
  },
} as const;

/** Whether an argument names a live server rather than a file. */
export const isLiveUrl = (arg: string) => /^(https|tls):\/\//i.test(arg);

/**
 * The certificates the server at `url` presents, leaf first, fetched without trusting them.
 * node:tls is loaded only here, so reading files never pays for it.
 */
export async function fetchLive(
  url: string,
  opts: { servername?: string | undefined; timeout?: string | undefined },
): Promise<{ certs: Uint8Array[]; host: string }> {
  const seconds = opts.timeout === undefined ? 5 : Number(opts.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 300)
    throw new UsageError(`--timeout needs a number of seconds from 0.1 to 300, not '${opts.timeout}'`);
  const { fetchPeerChain, liveTarget } = await import('../pki/live.js');
  let target: ReturnType<typeof liveTarget>;
  try {
    target = liveTarget(url);
  } catch (e) {
    if (e instanceof PkiError) throw new UsageError(e.message);
    throw e;
  }
  if (!target) throw new UsageError(`${url}: expected https://HOST[:PORT] or tls://HOST:PORT`);
  try {
    const certs = await fetchPeerChain(target, {
      timeoutMs: seconds * 1000,
      ...(opts.servername !== undefined ? { servername: opts.servername } : {}),
    });
    return { certs, host: target.host };
  } catch (e) {
    if (e instanceof PkiError) throw new UserError(e.message);
    throw e;
  }
}

/** Certificates as one PEM text (to describe them like a file). */
export function pemOf(certs: Uint8Array[]): Uint8Array {
  const text = certs
    .map((d) => {
      const b64 =
        Buffer.from(d)
          .toString('base64')
          .match(/.{1,64}/g)
          ?.join('\n') ?? '';
      return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
    })
    .join('');
  return new Uint8Array(Buffer.from(text, 'latin1'));
}
