/**
 * The plain data the TLS labs return. Every front end (the `lab` command, the line mode, the TUI)
 * renders these shapes; none of them runs TLS or reads certificates itself.
 */
import type { CertificateReport } from '../pki/types.js';

/** The three labs. */
export type LabId = 'mtls' | 'server-identity' | 'dual-use';

/** Who sent a handshake message, or who concluded something. */
export type Side = 'client' | 'server';

/** One step of the handshake as it happened on loopback (TLS 1.3 message names). */
export interface HandshakeStep {
  from: Side;
  /** TLS message or event: 'ClientHello', 'CertificateRequest', 'Certificate', 'alert', ... */
  message: string;
  /** What it carried or what was decided, in one line. */
  detail: string;
  /** 'ok' for a normal step, 'empty' for an empty Certificate, 'failed' for the step that failed. */
  status: 'ok' | 'empty' | 'failed';
}

/** OpenSSL's certificate verification result, as the verifying side saw it. */
export interface VerifyFailure {
  /** The side that verified and refused. */
  side: Side;
  /** Node's code: OpenSSL's X509_V_ERR_ name without the prefix, or ERR_TLS_CERT_ALTNAME_INVALID. */
  code: string;
  /** OpenSSL's verify error number (X509_V_ERR_*), when it is one. */
  number?: number;
  /** OpenSSL's text for that number ("unsuitable certificate purpose"), or the name-check message. */
  text: string;
}

/** A TLS alert that travelled on the wire. */
export interface TlsAlert {
  sentBy: Side;
  number: number;
  name: string;
}

/** A library error one side raised (OpenSSL's reason string without the file/line noise). */
export interface TlsError {
  side: Side;
  code: string;
  message: string;
}

/** The certificate the lab is about, with the facts the explanation uses. */
export interface LabCertificate {
  /** Where it came from: a fixture path relative to fixtures/, or the user's file. */
  source: string;
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  /** EKU names (serverAuth, clientAuth, anyExtendedKeyUsage, or the OID); null when absent. */
  extendedKeyUsage: string[] | null;
  /** DNS names and IP addresses from subjectAltName. */
  dnsNames: string[];
  ipAddresses: string[];
  commonName?: string;
  selfSigned: boolean;
  /** The certificate engine's full description, when the engine could describe it. */
  report?: CertificateReport;
}

/** What happened in one lab run. */
export interface LabResult {
  lab: LabId;
  /** Scenario id ('client-cert', 'server-cert', ...) or 'custom' for a user's file. */
  scenario: string;
  title: string;
  /** accepted: the verifying side accepted the certificate and application data flowed. */
  outcome: 'accepted' | 'refused';
  /** 'TLSv1.3' etc., when the handshake got far enough to agree on one. */
  protocol: string | null;
  /** The host name the client asked for (SNI and identity check). */
  serverName: string;
  /** The distinguished names the server put in CertificateRequest (certificate_authorities), if it asked. */
  caNames: string[];
  steps: HandshakeStep[];
  verifyFailure: VerifyFailure | null;
  alert: TlsAlert | null;
  errors: TlsError[];
  certificate: LabCertificate | null;
  /** The conclusion first, then the reasons, each naming the certificate field and the rule. */
  explanation: string[];
  /** Things worth knowing about how this lab's client and server behave (Node vs OpenSSL vs browsers). */
  notes: string[];
  /** True when the run hit the handshake timeout. */
  timedOut: boolean;
}

/** The dual-use lab runs one certificate in both roles. */
export interface DualUseResult {
  lab: 'dual-use';
  scenario: string;
  title: string;
  asServer: LabResult;
  asClient: LabResult;
  explanation: string[];
}

/** A choice offered by a lab (numbered in line mode). */
export interface LabScenario {
  id: string;
  /** What the learner picks, e.g. "present the client certificate". */
  label: string;
  /** The outcome the lab is built to show (the tests check that the real handshake agrees). */
  expected: 'accepted' | 'refused';
}

/** A lab in the catalogue. */
export interface LabInfo {
  id: LabId;
  title: string;
  summary: string;
  /** Lesson ids this lab belongs to. */
  lessons: string[];
  scenarios: LabScenario[];
}
