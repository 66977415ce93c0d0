/**
 * The labs and their scenarios, and which teaching fixtures each scenario uses (paths relative to
 * fixtures/). The expected outcome is what the lab is built to show; tests hold the real handshake
 * to it.
 */
import type { LabId, LabInfo } from './types.js';

/** The teaching CA files (fixtures/README.md). */
export const TEACHING_ROOT = 'ca/root-ca.pem';
export const TEACHING_INTERMEDIATE = 'ca/intermediate-ca.pem';

/** The lab server's own certificate (www.example.test) and key. */
export const LAB_SERVER_CERT = 'leaf/server.pem';
export const LAB_SERVER_KEY = 'leaf/server.key';
export const LAB_SERVER_NAME = 'www.example.test';

/** What the client presents in one mtls scenario: a fixture leaf (with or without its key), or nothing. */
export interface MtlsPresentation {
  cert?: string;
  key?: string;
  /** The server checks client certificates against the teaching CA's CRLs (REVOCATION_CRLS). */
  checksCrl?: boolean;
}

/** The course's revocation fixtures (lessons/fixtures/revocation, scripts/fixtures/revocation.sh), from fixtures/. */
const REVOCATION = '../lessons/fixtures/revocation';
/** The intermediate's CRL (it revokes revoked-client.pem) and the root's (empty): one per CA of the chain. */
export const REVOCATION_CRLS = [`${REVOCATION}/intermediate-ca.crl`, `${REVOCATION}/root-ca.crl`];

/** mtls scenarios → what is presented. */
export const MTLS_PRESENTATIONS: Record<string, MtlsPresentation> = {
  'client-cert': { cert: 'leaf/client.pem', key: 'leaf/client.key' },
  'server-cert': { cert: 'leaf/server.pem', key: 'leaf/server.key' },
  'expired-client': { cert: 'leaf/expired-client.pem', key: 'leaf/expired-client.key' },
  'other-ca': { cert: 'leaf/client-other-ca.pem', key: 'leaf/client-other-ca.key' },
  'revoked-client': {
    cert: `${REVOCATION}/revoked-client.pem`,
    key: `${REVOCATION}/revoked-client.key`,
    checksCrl: true,
  },
  nothing: {},
  'no-key': { cert: 'leaf/client.pem' },
};

/** What the server presents in one server-identity scenario, and the name the client asks for. */
export interface IdentitySetup {
  cert: string;
  key: string;
  /** Send the teaching intermediate after the leaf (a correctly configured server does). */
  sendIntermediate: boolean;
  name: string;
}

/** server-identity scenarios. */
export const IDENTITY_SETUPS: Record<string, IdentitySetup> = {
  'san-match': {
    cert: 'leaf/server.pem',
    key: 'leaf/server.key',
    sendIntermediate: true,
    name: 'www.example.test',
  },
  'cn-only': {
    cert: 'leaf/cn-only.pem',
    key: 'leaf/cn-only.key',
    sendIntermediate: true,
    name: 'legacy.example.test',
  },
  'wrong-name': {
    cert: 'leaf/server.pem',
    key: 'leaf/server.key',
    sendIntermediate: true,
    name: 'shop.example.test',
  },
  'expired-server': {
    cert: 'leaf/expired-server.pem',
    key: 'leaf/expired-server.key',
    sendIntermediate: true,
    name: 'expired.example.test',
  },
  'self-signed': {
    cert: 'leaf/localhost-self-signed.pem',
    key: 'leaf/localhost-self-signed.key',
    sendIntermediate: false,
    name: 'localhost',
  },
  'missing-intermediate': {
    cert: 'leaf/server.pem',
    key: 'leaf/server.key',
    sendIntermediate: false,
    name: 'www.example.test',
  },
};

/** dual-use scenarios → the certificate tried in both roles. */
export const DUAL_USE_CERTS: Record<string, { cert: string; key: string }> = {
  'server-client': { cert: 'leaf/server-client.pem', key: 'leaf/server-client.key' },
  'no-eku': { cert: 'leaf/no-eku.pem', key: 'leaf/no-eku.key' },
  'any-eku': { cert: 'leaf/any-eku.pem', key: 'leaf/any-eku.key' },
};

/** Every lab, in course order. */
export const LABS: LabInfo[] = [
  {
    id: 'mtls',
    title: 'Client certificates (mutual TLS)',
    summary:
      'a server that requires a client certificate from the teaching CA: choose what the client presents',
    lessons: ['server-vs-client', 'windows-and-iis'],
    scenarios: [
      {
        id: 'client-cert',
        label: 'present the client certificate (EKU clientAuth) with its key',
        expected: 'accepted',
      },
      {
        id: 'server-cert',
        label: 'present the server certificate (EKU serverAuth) with its key',
        expected: 'refused',
      },
      { id: 'expired-client', label: 'present an expired client certificate', expected: 'refused' },
      {
        id: 'other-ca',
        label: 'present a client certificate from a CA the server does not trust',
        expected: 'refused',
      },
      {
        id: 'revoked-client',
        label: 'present a client certificate its CA revoked (the server checks its CRL)',
        expected: 'refused',
      },
      { id: 'nothing', label: 'present nothing', expected: 'refused' },
      { id: 'no-key', label: 'present the client certificate without its private key', expected: 'refused' },
    ],
  },
  {
    id: 'server-identity',
    title: 'Is this the server I asked for?',
    summary:
      'the client connects to www.example.test-style names (kept on 127.0.0.1) and checks the server certificate',
    lessons: ['server-vs-client', 'self-signed-and-chains', 'todays-web-pki'],
    scenarios: [
      { id: 'san-match', label: 'www.example.test, listed in subjectAltName', expected: 'accepted' },
      {
        id: 'cn-only',
        label: 'legacy.example.test, only in the subject CN (no subjectAltName)',
        expected: 'refused',
      },
      {
        id: 'wrong-name',
        label: 'shop.example.test, a name the certificate does not list',
        expected: 'refused',
      },
      { id: 'expired-server', label: 'an expired server certificate', expected: 'refused' },
      { id: 'self-signed', label: 'a self-signed "localhost" certificate', expected: 'refused' },
      {
        id: 'missing-intermediate',
        label: 'a server that forgot to send its intermediate',
        expected: 'refused',
      },
    ],
  },
  {
    id: 'dual-use',
    title: 'One certificate, both roles',
    summary: 'try one certificate as a TLS server and as a TLS client',
    lessons: ['eku-and-key-usage', 'todays-web-pki'],
    scenarios: [
      { id: 'server-client', label: 'EKU serverAuth + clientAuth', expected: 'accepted' },
      { id: 'no-eku', label: 'no EKU extension at all', expected: 'accepted' },
      { id: 'any-eku', label: 'EKU anyExtendedKeyUsage only', expected: 'refused' },
    ],
  },
];

/** A lab by id. */
export const findLab = (id: string): LabInfo | undefined => LABS.find((l) => l.id === id);

/** True for a known lab id. */
export const isLabId = (id: string): id is LabId => LABS.some((l) => l.id === id);
