/**
 * Hands-on exercises as data (exercises/ID/exercise.yaml) and what checking a learner's folder
 * returns. Plain, serialisable shapes: the command, the TUI and the line mode read these.
 */
import type { CertKind, KeyUsageBit, PurposeId, Role } from '../pki/types.js';

/** The tools hints are written for. */
export const HINT_TOOLS = ['openssl', 'powershell', 'step'] as const;
export type HintTool = (typeof HINT_TOOLS)[number];

export interface Hint {
  tool: HintTool;
  text: string;
}

/** Expectations on one certificate file (the first certificate in it, unless said otherwise). */
export interface CertExpect {
  role?: Role;
  kind?: CertKind[];
  selfSigned?: boolean;
  cA?: boolean;
  pathLen?: number;
  keyUsage?: KeyUsageBit[];
  usableFor?: PurposeId[];
  notUsableFor?: PurposeId[];
  /** dNSNames that subjectAltName must hold. */
  san?: string[];
  /** Names the certificate must be for: each in the subject CN or subjectAltName. */
  names?: string[];
  /** RSA of at least 2048 bits, or EC on P-256 or a larger curve. */
  strongKey?: boolean;
  validNow?: boolean;
  /** The key file (or the PFX's key) belongs to this certificate. */
  keyMatches?: boolean;
  /** The file's certificates plus this CA certificate make a complete chain, every link sound. */
  chainsTo?: string;
  /** The first certificate is signed directly by the certificate in this file. */
  issuedBy?: string;
  /** The file's certificates are, in order, the first certificate of each of these files. */
  order?: string[];
  /** The first certificate is the one in this file (the leaf a server sends first). */
  startsWith?: string;
  /** Each certificate after the first issued the one before it (the order a server sends). */
  sendOrder?: boolean;
  maxDays?: number;
  sameKeyAs?: string;
  sameNamesAs?: string;
  /** notAfter is later than the notAfter of the certificate in this file. */
  outlives?: string;
}

/** Expectations on a PKCS#12 (PFX) file, opened with the exercise's password.txt. */
export interface PfxExpect {
  hasKey?: boolean;
  keyMatches?: boolean;
  minCertificates?: number;
  /** The MAC's hash as the engine names it ('SHA-256', 'SHA-1'). */
  mac?: string;
  /** modern: PBES2 with AES; legacy: 3DES/RC2 with SHA-1 (openssl pkcs12 -legacy). */
  encryption?: 'modern' | 'legacy';
  /** A cipher the encrypted parts must use ('AES', '3DES'). */
  cipher?: string;
  keySpec?: 'AT_KEYEXCHANGE' | 'AT_SIGNATURE';
  chainsTo?: string;
}

/** Expectations on a PKCS#10 request. */
export interface CsrExpect {
  san?: string[];
  eku?: PurposeId[];
  signatureValid?: boolean;
  keyMatches?: boolean;
  noPrivateKey?: boolean;
}

/** Expectations on a private key file. */
export interface KeyExpect {
  /** Unencrypted PKCS#8 ("BEGIN PRIVATE KEY"). */
  pkcs8?: boolean;
  encrypted?: boolean;
  /** The key belongs to the first certificate of this file (a PFX is opened with its password file). */
  matches?: string;
}

export type CheckSpec =
  | { cert: string; key?: string; expect: CertExpect }
  | { pfx: string; password?: string; expect: PfxExpect }
  | { csr: string; key?: string; expect: CsrExpect }
  | { key: string; password?: string; expect: KeyExpect; cert?: undefined }
  | {
      /** server: a client that trusts `trust` connects to a server using cert+key, asking for `name`. */
      handshake: 'server' | 'client';
      cert: string;
      key?: string;
      name?: string;
      trust: string;
      /** accepted (the default) or refused. */
      expect?: 'accepted' | 'refused';
    };

/** A file the exercise gives, copied into the workspace at init (or made there, see `generated`). */
export interface Exercise {
  id: string;
  title: string;
  /** The lesson this exercise practises. */
  lesson: string;
  /** The task, Markdown; written into TASK.md with the files to produce and the hints. */
  task: string;
  /** The files the learner writes. */
  produce: string[];
  /** Files given in exercises/ID/given/, copied into the workspace. */
  given: string[];
  /** Files made at init time for this learner ('renew-old': an old.crt that expires soon). */
  generate?: 'renew-old';
  hints: Hint[];
  /** Asked once the checks pass; its answer is shown with the reference solution. */
  question?: { ask: string; answer: string };
  checks: CheckSpec[];
  /** The pack folder the exercise came from (exercises/ID). */
  dir: string;
}

/** One check's verdict: its name ("server.crt: subjectAltName"), and why, naming the field and rule. */
export interface CheckResult {
  name: string;
  passed: boolean;
  message: string;
}

export interface ExerciseResult {
  id: string;
  passed: boolean;
  checks: CheckResult[];
}

/** What a screen shows of an exercise (the TUI and the line mode): no checks, no file access. */
export interface ExerciseView {
  id: string;
  title: string;
  lesson: string;
  produce: string[];
  hints: Hint[];
  question?: { ask: string; answer: string };
  /** The reference solution (solution.sh), shown after a pass to compare with. */
  solution: string;
  /** The exercise's folder in the workspace. */
  folder: string;
}
