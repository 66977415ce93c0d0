/**
 * One real TLS handshake between a node:tls server and client on 127.0.0.1 (OpenSSL underneath).
 * The server listens on an ephemeral port, only for this run, and everything is torn down before
 * the promise settles: on success, on failure, on timeout, and when closeAllLabServers() is called
 * (the command does that on Ctrl+C).
 */
import type { Socket } from 'node:net';
import tls from 'node:tls';
import { LabError } from './errors.js';

/** The key material one side uses: PEM cert (+ key) or a PFX with its password. */
export interface TlsCredentials {
  cert?: Buffer;
  key?: Buffer;
  pfx?: Buffer;
  passphrase?: string;
}

/** How the lab server is set up. */
export interface ServerSetup {
  credentials: TlsCredentials;
  /** When set, the server asks for a client certificate and requires one issued under these CAs. */
  requireClientCertFrom?: Buffer[];
  /**
   * CRLs (PEM) the server checks client certificates against. Node then checks every link
   * (X509_V_FLAG_CRL_CHECK | CRL_CHECK_ALL): each CA of the chain needs its CRL here.
   */
  crl?: Buffer[];
}

/** How the lab client is set up. */
export interface ClientSetup {
  /** The name the client asks for (SNI) and checks; it always connects to 127.0.0.1. */
  serverName: string;
  /** The CAs the client trusts for the server's certificate. */
  trust: Buffer[];
  credentials?: TlsCredentials;
  /** Replaces Node's default host-name check (return an Error to refuse). */
  checkServerIdentity?: (host: string, cert: tls.PeerCertificate) => Error | undefined;
}

/** What each side saw, raw; the labs turn it into steps and an explanation. */
export interface HandshakeObservation {
  protocol: string | null;
  /** The client finished its side of the handshake (in TLS 1.3 before the server has judged it). */
  clientSecureConnect: boolean;
  /** The client got the server's application data: the connection really worked. */
  clientGotData: boolean;
  clientError: { code: string; message: string } | null;
  /** The server finished the handshake and accepted the client (or did not ask for one). */
  serverAccepted: boolean;
  /** Node's authorizationError on the server: the OpenSSL verify code for the client's certificate. */
  serverVerifyCode: string | null;
  serverError: { code: string; message: string } | null;
  /** Subject of the client certificate as the server received it (accepted runs only). */
  serverPeerSubject: string | null;
  /** DER of the certificate the client presented, as the client's OpenSSL loaded it. */
  clientLocalCertDer: Buffer | null;
  /** DER of the certificate the server presented, as the client received it. */
  serverCertDer: Buffer | null;
  timedOut: boolean;
}

/** The line the lab server sends once it has accepted a connection. */
export const LAB_GREETING = 'hello from the cert-tutor lab server\n';

/** Default time a whole run may take before both ends are torn down. */
export const DEFAULT_TIMEOUT_MS = 10_000;

const openServers = new Set<tls.Server>();
const openSockets = new Set<Socket>();

/** Closes every lab server and socket still open (for Ctrl+C). */
export async function closeAllLabServers(): Promise<void> {
  for (const s of openSockets) s.destroy();
  openSockets.clear();
  await Promise.all([...openServers].map(closeServer));
}

/** Number of lab servers currently listening (tests check it returns to zero). */
export const openLabServerCount = () => openServers.size;

function closeServer(server: tls.Server): Promise<void> {
  openServers.delete(server);
  return new Promise((resolve) => {
    // libuv finishes closing the listening handle one turn after 'close': wait for it, so that
    // nothing of this server is left when the promise settles.
    const done = () => setImmediate(resolve);
    if (!server.listening) return done();
    server.close(done);
  });
}

function track(socket: Socket, mine: Set<Socket>): Promise<void> {
  openSockets.add(socket);
  mine.add(socket);
  return new Promise((resolve) => {
    socket.once('close', () => {
      openSockets.delete(socket);
      resolve();
    });
  });
}

function errorInfo(err: unknown): { code: string; message: string } {
  const e = err as { code?: string; message?: string };
  return { code: e.code ?? 'ERROR', message: String(e.message ?? err) };
}

/**
 * Builds a TLS context from the credentials, so that an unusable file (wrong password, a key that
 * does not match) is reported before anything listens. Throws what node:tls threw.
 */
export function checkCredentials(creds: TlsCredentials): void {
  tls.createSecureContext({ ...creds });
}

/** A lab server listening on 127.0.0.1 until close() (which also ends its connections). */
export interface LabServer {
  port: number;
  close: () => Promise<void>;
}

/** What the server side saw; filled in while the server runs. */
export interface ServerSideView {
  accepted: boolean;
  verifyCode: string | null;
  error: { code: string; message: string } | null;
  peerSubject: string | null;
  protocol: string | null;
  /** Resolves when every connection the server accepted so far has closed. */
  allClosed: () => Promise<void>;
}

/**
 * Starts a lab server on 127.0.0.1, port 0 (the system picks a free one). It greets an accepted
 * client with LAB_GREETING and closes. Throws LabError('listen') when it cannot listen.
 */
export async function startLabServer(
  server: ServerSetup,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<LabServer & { view: ServerSideView }> {
  const requireClient = server.requireClientCertFrom !== undefined;
  const mine = new Set<Socket>();
  const closed: Promise<void>[] = [];
  const view: ServerSideView = {
    accepted: false,
    verifyCode: null,
    error: null,
    peerSubject: null,
    protocol: null,
    allClosed: async () => {
      await Promise.all(closed);
    },
  };
  const srv = tls.createServer({
    ...server.credentials,
    // TLS 1.3 only, so that every run shows the same messages and alerts.
    minVersion: 'TLSv1.3',
    ca: server.requireClientCertFrom,
    ...(server.crl ? { crl: server.crl } : {}),
    requestCert: requireClient,
    rejectUnauthorized: requireClient,
    handshakeTimeout: timeoutMs,
  });
  openServers.add(srv);
  srv.on('connection', (socket: Socket) => closed.push(track(socket, mine)));
  srv.on('secureConnection', (socket) => {
    view.accepted = true;
    view.protocol = socket.getProtocol() ?? null;
    if (requireClient) {
      const peer = socket.getPeerCertificate();
      view.peerSubject = peer?.subject ? subjectLine(peer.subject) : null;
    }
    socket.on('error', () => {});
    socket.end(LAB_GREETING);
  });
  // Node verifies the client's chain with OpenSSL (purpose "SSL client") and, when it refuses,
  // closes the socket after setting authorizationError; it reaches us here as ECONNRESET.
  srv.on('tlsClientError', (err, socket) => {
    view.verifyCode = socket.authorizationError ? String(socket.authorizationError) : null;
    if (!view.verifyCode) view.error = errorInfo(err);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(0, '127.0.0.1', () => resolve());
    });
  } catch (err) {
    await closeServer(srv);
    throw new LabError('listen', `cannot listen on 127.0.0.1: ${errorInfo(err).code}`);
  }
  const { port } = srv.address() as { port: number };
  return {
    port,
    view,
    close: async () => {
      for (const s of mine) s.destroy();
      await closeServer(srv);
    },
  };
}

/** Runs one handshake on loopback and reports what both sides saw. */
export async function runHandshake(
  server: ServerSetup,
  client: ClientSetup,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<HandshakeObservation> {
  const obs: HandshakeObservation = {
    protocol: null,
    clientSecureConnect: false,
    clientGotData: false,
    clientError: null,
    serverAccepted: false,
    serverVerifyCode: null,
    serverError: null,
    serverPeerSubject: null,
    clientLocalCertDer: null,
    serverCertDer: null,
    timedOut: false,
  };
  const lab = await startLabServer(server, timeoutMs);
  const mine = new Set<Socket>();
  try {
    await new Promise<void>((resolve) => {
      const socket = tls.connect({
        host: '127.0.0.1',
        port: lab.port,
        servername: client.serverName,
        ca: client.trust,
        ...client.credentials,
        minVersion: 'TLSv1.3',
        ...(client.checkServerIdentity ? { checkServerIdentity: client.checkServerIdentity } : {}),
      });
      void track(socket, mine);
      const timer = setTimeout(() => {
        obs.timedOut = true;
        socket.destroy();
      }, timeoutMs);
      // Key-log lines appear once ServerHello has fixed the version, even if the client refuses later.
      socket.on('keylog', () => {
        obs.protocol ??= socket.getProtocol() ?? null;
      });
      socket.on('secureConnect', () => {
        obs.clientSecureConnect = true;
        obs.protocol = socket.getProtocol();
        const local = socket.getCertificate();
        if (local && 'raw' in local && local.raw) obs.clientLocalCertDer = local.raw;
        obs.serverCertDer = socket.getPeerCertificate()?.raw ?? null;
      });
      socket.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes(LAB_GREETING.trim())) obs.clientGotData = true;
      });
      socket.on('error', (err) => {
        obs.clientError ??= errorInfo(err);
      });
      socket.on('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    // The server's verdict (tlsClientError) may come after the client saw the close: wait for
    // the server's side of the connection to close too, bounded by the same timeout.
    const waitTimer = setTimeout(() => void lab.close(), timeoutMs);
    await lab.view.allClosed();
    clearTimeout(waitTimer);
    await new Promise((r) => setImmediate(r));
  } finally {
    for (const s of mine) s.destroy();
    await lab.close();
  }
  obs.serverAccepted = lab.view.accepted;
  obs.serverVerifyCode = lab.view.verifyCode;
  obs.serverError = lab.view.error;
  obs.serverPeerSubject = lab.view.peerSubject;
  obs.protocol ??= lab.view.protocol;
  return obs;
}

/** "CN=Alice Example, O=cert-tutor" from Node's subject object (the certificate's order). */
export function subjectLine(subject: Record<string, string | string[] | undefined>): string {
  return Object.entries(subject)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
    .join(', ');
}
