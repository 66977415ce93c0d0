import type { FileReport } from '../pki/types.js';

/** What the engine said about one fixture file, or why it could not say. */
export type CertData = { file: FileReport } | { error: string };

/** Fixture reports by absolute path; a missing entry is still loading. */
export type CertStore = Readonly<Record<string, CertData | undefined>>;
