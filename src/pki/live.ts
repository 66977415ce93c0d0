/**
 * Fetches the certificates a TLS server presents (https://HOST[:PORT] or tls://HOST:PORT), without
 * trusting them: the handshake is made with an empty trust store and no verification, so the chain
 * is what the server sent, not one completed from a local store. Errors are one line that says
 * which of unreachable, refused, not TLS or too slow.
 */
import { connect, type PeerCertificate } from 'node:tls';
import { PkiError } from './errors.js';

export interface LiveTarget {
  host: string;
  port: number;
  /** What the URL names as the server (for the host-name check). */
  url: string;
}

/** Parses https://HOST[:PORT][/...] or tls://HOST:PORT; null when `text` is not such a URL. */
export function liveTarget(text: string): LiveTarget | null {
  const m = text.match(/^(https|tls):\/\/(\[[0-9A-Fa-f:.]+\]|[^/:?#\s]+)(?::(\d{1,5}))?(?:[/?#]\S*)?$/);
  if (!m) return null;
  const scheme = m[1]!;
  const host = m[2]!.replace(/^\[|\]$/g, '');
  if (scheme === 'tls' && !m[3])
    throw new PkiError('bad-url', `${text}: tls:// needs a port (tls://HOST:PORT)`);
  const port = m[3] ? Number(m[3]) : 443;
  if (port < 1 || port > 65535) throw new PkiError('bad-url', `${text}: the port must be 1 to 65535`);
  return { host, port, url: text };
}

const isIp = (h: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(h) || h.includes(':');

/** The DER certificates the server presented, leaf first. */
export function fetchPeerChain(
  t: LiveTarget,
  opts: { servername?: string; timeoutMs: number },
): Promise<Uint8Array[]> {
  const where = `${t.host.includes(':') ? `[${t.host}]` : t.host}:${t.port}`;
  return new Promise((resolve, reject) => {
    let done = false;
    const servername = opts.servername ?? (isIp(t.host) ? undefined : t.host);
    const socket = connect({
      host: t.host,
      port: t.port,
      ...(servername ? { servername } : {}),
      rejectUnauthorized: false,
      // An empty trust store: Node adds no root of its own to the peer's chain.
      ca: [],
    });
    const finish = (err: PkiError | null, certs?: Uint8Array[]) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(certs ?? []);
    };
    const timer = setTimeout(
      () =>
        finish(
          new PkiError(
            'timeout',
            `${where}: no TLS answer within ${opts.timeoutMs / 1000} s (try --timeout)`,
          ),
        ),
      opts.timeoutMs,
    );
    socket.once('secureConnect', () => {
      const certs: Uint8Array[] = [];
      let c: PeerCertificate | undefined = socket.getPeerCertificate(true);
      const seen = new Set<PeerCertificate>();
      while (c?.raw && !seen.has(c)) {
        seen.add(c);
        certs.push(new Uint8Array(c.raw));
        const next: PeerCertificate | undefined = (c as { issuerCertificate?: PeerCertificate })
          .issuerCertificate;
        c = next && next !== c ? next : undefined;
      }
      finish(
        certs.length ? null : new PkiError('no-certificate', `${where}: the server sent no certificate`),
        certs,
      );
    });
    socket.once('error', (e: NodeJS.ErrnoException) => finish(networkError(e, where, t.host)));
    socket.once('close', () =>
      finish(
        new PkiError('not-tls', `${where}: the connection closed before a TLS handshake (is it a TLS port?)`),
      ),
    );
  });
}

function networkError(e: NodeJS.ErrnoException, where: string, host: string): PkiError {
  switch (e.code) {
    case 'ECONNREFUSED':
      return new PkiError('refused', `${where}: connection refused (nothing listens on that port)`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new PkiError('unreachable', `${host}: host not found (check the name)`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new PkiError('unreachable', `${where}: host unreachable`);
    case 'ECONNRESET':
      return new PkiError(
        'not-tls',
        `${where}: the connection was reset during the TLS handshake (is it a TLS port?)`,
      );
    default:
      if (
        /wrong version number|packet length too long|unknown protocol|record layer failure/i.test(e.message)
      )
        return new PkiError('not-tls', `${where}: the server did not answer with TLS (is it a TLS port?)`);
      return new PkiError('tls-error', `${where}: TLS handshake failed (${e.message.split('\n')[0]})`);
  }
}
