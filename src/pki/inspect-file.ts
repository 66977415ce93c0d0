import type { FileReport } from './types.js';

/** Options for inspecting a file. */
export interface InspectOptions {
  now: Date;
  password?: string;
}

/** Reads and describes every certificate in a file; never throws for bad input. */
export async function inspectFile(path: string, _opts: InspectOptions): Promise<FileReport> {
  return emptyReport(path, 'not implemented yet', 'unsupported');
}

/** Describes every certificate in bytes already read (e.g. stdin); never throws for bad input. */
export async function inspectBytes(
  _bytes: Uint8Array,
  opts: InspectOptions & { path: string },
): Promise<FileReport> {
  return emptyReport(opts.path, 'not implemented yet', 'unsupported');
}

function emptyReport(path: string, error: string, errorCode: string): FileReport {
  return {
    path,
    format: 'unknown',
    error,
    errorCode,
    certificates: [],
    chains: [],
    hasPrivateKey: false,
    privateKeys: [],
    notes: [],
  };
}
