import type { FileFormat } from '../types.js';
import type { FoundKey } from './key-info.js';

/** A certificate found in a container, with the PKCS#12 bag attributes that came with it. */
export interface ContainerCert {
  der: Uint8Array;
  friendlyName?: string;
  localKeyId?: string;
}

/** The lesson that explains a file: formats and keys, or KeySpec when the file records one. */
export type ContainerLesson = 'private-keys-and-files' | 'keyspec';

/** What a container reader learned from one file, before certificates are described. */
export interface ContainerReading {
  format: FileFormat;
  certificates: ContainerCert[];
  keys: FoundKey[];
  notes: string[];
  lesson: ContainerLesson;
  /** A typed, one-line problem; what was learned before it stays in the other fields. */
  error?: { code: string; message: string };
}

/** An empty reading of the given format. */
export function emptyReading(
  format: FileFormat,
  lesson: ContainerLesson = 'private-keys-and-files',
): ContainerReading {
  return { format, certificates: [], keys: [], notes: [], lesson };
}
