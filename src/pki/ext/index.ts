/**
 * The values of the extensions a learner meets, decoded for cards and JSON (one file per family).
 * A value that does not decode is reported as such, never thrown.
 */
import { PkiError } from '../errors.js';
import { decodeInfoAccess } from './access.js';
import { decodeCrlDistributionPoints } from './crl-dp.js';
import { decodeAuthorityKeyIdentifier, decodeSubjectKeyIdentifier } from './key-ids.js';
import {
  decodeApplicationPolicies,
  decodeSidExtension,
  decodeTemplateInfo,
  decodeTemplateName,
} from './microsoft.js';
import { decodeNameConstraintsText } from './name-constraints-text.js';
import {
  decodeCertificatePolicies,
  decodeInhibitAnyPolicy,
  decodePolicyConstraints,
  decodePolicyMappings,
} from './policies.js';
import { decodeSctList } from './sct.js';
import { decodeTlsFeature } from './tls-feature.js';
import type { Decoded } from './util.js';

const DECODERS: Record<string, (v: Uint8Array) => Decoded> = {
  '1.3.6.1.5.5.7.1.1': decodeInfoAccess,
  '1.3.6.1.5.5.7.1.11': decodeInfoAccess,
  '2.5.29.31': decodeCrlDistributionPoints,
  '2.5.29.46': decodeCrlDistributionPoints,
  '2.5.29.32': decodeCertificatePolicies,
  '2.5.29.36': decodePolicyConstraints,
  '2.5.29.54': decodeInhibitAnyPolicy,
  '2.5.29.33': decodePolicyMappings,
  '2.5.29.30': decodeNameConstraintsText,
  '2.5.29.14': decodeSubjectKeyIdentifier,
  '2.5.29.35': decodeAuthorityKeyIdentifier,
  '1.3.6.1.4.1.11129.2.4.2': decodeSctList,
  '1.3.6.1.5.5.7.1.24': decodeTlsFeature,
  '1.3.6.1.4.1.311.20.2': decodeTemplateName,
  '1.3.6.1.4.1.311.21.7': decodeTemplateInfo,
  '1.3.6.1.4.1.311.21.10': decodeApplicationPolicies,
  '1.3.6.1.4.1.311.25.2': decodeSidExtension,
};

/** The decoded value of one extension, null when the engine has no decoder for it. */
export function decodeExtensionValue(oid: string, value: Uint8Array): Decoded | null {
  const decode = DECODERS[oid];
  if (!decode) return null;
  try {
    return decode(value);
  } catch (e) {
    const why = e instanceof PkiError ? e.message : 'malformed';
    return { lines: [`(cannot be decoded: ${why})`], data: { error: why } };
  }
}

export type { Decoded } from './util.js';
