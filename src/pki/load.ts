import type { ContainerKind, ContainerReader, ContainerResult } from './container-types.js';
import { childrenOf, content, decodeOid, isUniversal, readTlv } from './der.js';
import { PkiError } from './errors.js';
import { KEY_ALGORITHMS } from './oids.js';
import { looksLikePem, PRIVATE_KEY_LABELS, pemBlocks } from './pem.js';
import { sniffDer } from './sniff.js';
import type { FileFormat, PrivateKeyReport } from './types.js';

/**
 * The container reader (PKCS#12, PKCS#7, keys, CSRs) of src/pki/containers/, loaded on first use:
 * a plain certificate file never pays for the PKCS#12/PKCS#7 code (ASN.1 schemas, RC2...).
 */
const readContainer: ContainerReader | null = async (input) =>
  (await import('./containers/index.js')).readContainer(input);

/** The certificates and keys found in one file's bytes. */
export interface LoadedFile {
  format: FileFormat;
  /** DER certificates in file order. */
  certificates: Uint8Array[];
  privateKeys: PrivateKeyReport[];
  hasPrivateKey: boolean;
  notes: string[];
  /** A problem with part of the file (others may still have been read). */
  error: PkiError | null;
  /** The lesson the container reader says explains this file. */
  lesson?: string;
}

const CERT_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const KEY_LABELS = new Set(PRIVATE_KEY_LABELS);
const CONTAINER_LABELS: Record<string, ContainerKind> = {
  PKCS7: 'pkcs7',
  CMS: 'pkcs7',
  PKCS12: 'pkcs12',
  'CERTIFICATE REQUEST': 'csr',
  'NEW CERTIFICATE REQUEST': 'csr',
};
const KIND_NAMES: Record<ContainerKind, string> = {
  pkcs12: 'PKCS#12 (.pfx/.p12)',
  pkcs7: 'PKCS#7 (.p7b)',
  'private-key': 'a private key',
  csr: 'a certificate request (CSR)',
};
const KIND_FORMAT: Record<ContainerKind, FileFormat> = {
  pkcs12: 'PKCS#12',
  pkcs7: 'PKCS#7',
  'private-key': 'private key',
  csr: 'CSR',
};

/** Describes a private key from its PEM label and outer structure only; key material is never kept. */
function keySketch(label: string, der: Uint8Array | null, headers: string): PrivateKeyReport {
  const encrypted = label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,ENCRYPTED/.test(headers);
  let algorithm = label.startsWith('RSA')
    ? 'RSA'
    : label.startsWith('EC')
      ? 'EC'
      : label.startsWith('DSA')
        ? 'DSA'
        : 'unknown';
  if (label === 'PRIVATE KEY' && der) {
    try {
      const top = readTlv(der, 0);
      const alg = childrenOf(der, top)[1];
      const oidT = alg && isUniversal(alg, 16) ? childrenOf(der, alg)[0] : undefined;
      if (oidT && isUniversal(oidT, 6)) {
        const oid = decodeOid(content(der, oidT));
        algorithm = KEY_ALGORITHMS[oid]?.name ?? oid;
      }
    } catch {
      // the outer structure is damaged: keep 'unknown'
    }
  }
  return { algorithm, encrypted, format: label };
}

async function container(
  kind: ContainerKind,
  der: Uint8Array,
  label: string | undefined,
  password?: string,
  pemHeaders?: string,
): Promise<ContainerResult> {
  if (!readContainer) {
    throw new PkiError(
      'unsupported-type',
      `unsupported file type: ${KIND_NAMES[kind]} (this build reads certificates only)`,
    );
  }
  return readContainer({
    kind,
    der,
    ...(label ? { label } : {}),
    ...(pemHeaders ? { pemHeaders } : {}),
    ...(password !== undefined ? { password } : {}),
  });
}

function emptyLoad(format: FileFormat): LoadedFile {
  return { format, certificates: [], privateKeys: [], hasPrivateKey: false, notes: [], error: null };
}

function merge(into: LoadedFile, r: ContainerResult): void {
  into.certificates.push(...r.certificates);
  into.privateKeys.push(...r.privateKeys);
  into.notes.push(...r.notes);
  if (r.privateKeys.length > 0) into.hasPrivateKey = true;
  if (r.error) into.error ??= r.error;
  if (r.lesson) into.lesson ??= r.lesson;
}

async function loadPem(text: string, password?: string): Promise<LoadedFile> {
  const out = emptyLoad('PEM');
  const blocks = pemBlocks(text);
  if (blocks.length === 0) throw new PkiError('bad-pem', 'a PEM BEGIN line has no matching END line');
  let firstOther: FileFormat | undefined;
  for (const b of blocks) {
    if (KEY_LABELS.has(b.label)) {
      firstOther ??= 'private key';
      out.hasPrivateKey = true;
      const pemHeaders = text.slice(b.offset, b.offset + 200);
      if (readContainer && b.der) {
        // The container reader describes the key (size, encryption) without keeping its bytes.
        try {
          merge(out, await container('private-key', b.der, b.label, password, pemHeaders));
          continue;
        } catch (e) {
          if (!(e instanceof PkiError)) throw e;
          out.error ??= e;
        }
      }
      out.privateKeys.push(keySketch(b.label, b.der, pemHeaders));
      continue;
    }
    if (!b.der) {
      out.error ??= new PkiError('bad-base64', b.error ?? 'bad base64');
      continue;
    }
    if (CERT_LABELS.has(b.label)) out.certificates.push(b.der);
    else if (CONTAINER_LABELS[b.label]) {
      firstOther ??= KIND_FORMAT[CONTAINER_LABELS[b.label]!];
      try {
        merge(out, await container(CONTAINER_LABELS[b.label]!, b.der, b.label, password));
      } catch (e) {
        if (!(e instanceof PkiError)) throw e;
        out.error ??= e;
      }
    } else out.notes.push(`skipped a ${b.label} block (not a certificate)`);
  }
  if (!blocks.some((b) => CERT_LABELS.has(b.label)) && firstOther) out.format = firstOther;
  if (out.certificates.length === 0 && !out.error) {
    if (out.hasPrivateKey && !readContainer) {
      out.error = new PkiError(
        'unsupported-type',
        'unsupported file type: a private key only, no certificate (the key is not shown)',
      );
    } else if (!out.hasPrivateKey && firstOther !== 'CSR')
      out.error = new PkiError('no-certificate', 'no certificate found (the PEM blocks hold no CERTIFICATE)');
  }
  return out;
}

/**
 * Sniffs and loads a file's bytes: PEM (any number of blocks, text around them ignored) or DER;
 * PKCS#7, PKCS#12, keys and CSRs go to the container reader. Throws PkiError for unreadable input.
 */
export async function loadBytes(bytes: Uint8Array, password?: string): Promise<LoadedFile> {
  if (bytes.length === 0) throw new PkiError('empty', 'the file is empty');
  if (looksLikePem(bytes))
    return loadPem(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1'), password);
  const kind = bytes[0] === 0x30 ? sniffDer(bytes) : 'unknown';
  if (kind === 'certificate') {
    const top = readTlv(bytes, 0);
    const out = emptyLoad('DER');
    out.certificates.push(bytes.subarray(0, top.end));
    return out;
  }
  if (kind === 'unknown') {
    if (bytes[0] === 0x30) {
      try {
        readTlv(bytes, 0);
      } catch (e) {
        if (e instanceof PkiError)
          throw new PkiError(
            'bad-der',
            `not a valid DER certificate (${e.message.replace(/^malformed DER: /, '')})`,
          );
      }
    }
    throw new PkiError('no-certificate', 'no certificate found (expected PEM or DER)');
  }
  const out = emptyLoad(KIND_FORMAT[kind]);
  if (kind === 'private-key') out.hasPrivateKey = true;
  try {
    merge(out, await container(kind, bytes, undefined, password));
  } catch (e) {
    if (!(e instanceof PkiError)) throw e;
    out.error = e;
  }
  return out;
}
