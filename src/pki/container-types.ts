import type { PkiError } from './errors.js';
import type { FileFormat, PrivateKeyReport } from './types.js';

/** The kinds of non-certificate input the loader hands to src/pki/containers/. */
export type ContainerKind = 'pkcs12' | 'pkcs7' | 'private-key' | 'csr';

/** What the loader gives a container reader. */
export interface ContainerInput {
  kind: ContainerKind;
  /** The DER bytes (a PEM block already decoded). */
  der: Uint8Array;
  /** The PEM label when the input was PEM ('PKCS7', 'RSA PRIVATE KEY', ...). */
  label?: string;
  /** PEM headers text (Proc-Type/DEK-Info) for legacy encrypted keys. */
  pemHeaders?: string;
  password?: string;
}

/** What a container reader returns. Throws PkiError (e.g. 'wrong-password', 'bad-pkcs12') on failure. */
export interface ContainerResult {
  format: FileFormat;
  /** DER certificates found inside, in container order. */
  certificates: Uint8Array[];
  privateKeys: PrivateKeyReport[];
  /** Short lines about the container (protection, CSR contents...). */
  notes: string[];
  /** The lesson that explains this kind of file ('private-keys-and-files', 'keyspec'). */
  lesson?: string;
  /** A problem found after part of the container was read (e.g. a PFX without its password). */
  error?: PkiError;
}

/** Reads one container. Implemented in src/pki/containers/ and plugged into load.ts. */
export type ContainerReader = (input: ContainerInput) => Promise<ContainerResult>;
