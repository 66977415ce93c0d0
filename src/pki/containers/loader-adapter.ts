import type { ContainerInput, ContainerResult } from '../container-types.js';
import { PkiError } from '../errors.js';
import { readCsr } from './csr-read.js';
import { readDerKey, readPemKey } from './key-file.js';
import { matchKeyToCertificates, rememberPublicKey } from './key-match.js';
import { keyNotes } from './key-notes.js';
import { readPkcs7 } from './pkcs7-read.js';
import { readPkcs12 } from './pkcs12-read.js';
import { type ContainerReading, emptyReading } from './reading.js';

/** RFC 1421 headers (Proc-Type, DEK-Info) found in the text at the start of a PEM block. */
function pemHeaders(text: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const m of (text ?? '').matchAll(/^(Proc-Type|DEK-Info):\s*(.+?)\s*$/gm))
    headers[m[1] as string] = m[2] as string;
  return headers;
}

async function read(input: ContainerInput): Promise<ContainerReading> {
  switch (input.kind) {
    case 'pkcs12':
      return readPkcs12(input.der, input.password);
    case 'pkcs7':
      return readPkcs7(input.der, false);
    case 'csr':
      return readCsr(input.der, false);
    case 'private-key': {
      const reading = emptyReading('private key');
      if (input.label) {
        readPemKey(
          { label: input.label, headers: pemHeaders(input.pemHeaders), der: input.der },
          input.password,
          reading,
        );
      } else {
        const key = readDerKey(input.der);
        if (key) reading.keys.push(key);
        else
          reading.error = {
            code: 'corrupt',
            message: 'not a private key this reader knows (PKCS#8, PKCS#1, SEC1)',
          };
      }
      return reading;
    }
  }
}

/**
 * The engine loader's container reader (src/pki/load.ts): PKCS#12, PKCS#7, private keys, CSRs.
 * Keys in the result are matched to the certificates of the same container; a problem comes back
 * as `error` together with what could still be learned (a PFX without its password, say).
 */
export async function readContainer(input: ContainerInput): Promise<ContainerResult> {
  const reading = await read(input);
  const certificates = reading.certificates.map((c) => c.der);
  const matches = matchKeyToCertificates(reading.keys, certificates);
  const privateKeys = reading.keys.map((k, i) => {
    const report = rememberPublicKey(k);
    const m = matches[i];
    if (m !== undefined) report.matchesCertificate = m;
    return report;
  });
  const notes = [
    ...reading.notes,
    ...keyNotes(privateKeys, certificates.length, reading.format === 'PKCS#12'),
  ];
  for (const [i, c] of reading.certificates.entries()) {
    const attrs = [
      c.friendlyName && `friendlyName "${c.friendlyName}"`,
      c.localKeyId && `localKeyID ${c.localKeyId}`,
    ];
    if (attrs.some(Boolean)) notes.push(`certificate ${i + 1}: ${attrs.filter(Boolean).join(', ')}`);
  }
  return {
    format: reading.format,
    certificates,
    privateKeys,
    notes,
    lesson: reading.lesson,
    ...(reading.error && { error: new PkiError(reading.error.code, reading.error.message) }),
  };
}
