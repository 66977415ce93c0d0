import { childrenOf, content, readTlv, type Tlv } from '../der.js';
import { ekuLabel } from '../eku-names.js';
import { decodeAsn1String, latin1Text } from '../strings.js';
import { policyList } from './policies.js';
import { type Decoded, oidOf, sequence, smallInt } from './util.js';

/** Certificate Template Name (1.3.6.1.4.1.311.20.2): the AD CS template, e.g. "WebServer". */
export function decodeTemplateName(value: Uint8Array): Decoded {
  const t = readTlv(value, 0);
  const name = decodeAsn1String(t.tag, content(value, t));
  return { lines: [name], data: { name } };
}

/** Certificate Template Information (1.3.6.1.4.1.311.21.7): the template's OID and version. */
export function decodeTemplateInfo(value: Uint8Array): Decoded {
  const [oidT, major, minor] = sequence(value, 'template information');
  const template = oidOf(value, oidT, 'templateID');
  const data: { template: string; majorVersion?: number; minorVersion?: number } = { template };
  if (major) data.majorVersion = smallInt(value, major, 'majorVersion');
  if (minor) data.minorVersion = smallInt(value, minor, 'minorVersion');
  const version =
    data.majorVersion !== undefined ? `, version ${data.majorVersion}.${data.minorVersion ?? 0}` : '';
  return { lines: [`Template ${template}${version}`], data };
}

/** Application Policies (1.3.6.1.4.1.311.21.10): Windows' EKU-like list, read by Windows beside EKU. */
export function decodeApplicationPolicies(value: Uint8Array): Decoded {
  const policies = policyList(value, (o) => {
    const l = ekuLabel(o);
    return l === o ? undefined : l.replace(/ \([\d.]+\)$/, '');
  });
  return { lines: policies.map((p) => (p.name ? `${p.name} (${p.oid})` : p.oid)), data: { policies } };
}

/**
 * The SID extension (1.3.6.1.4.1.311.25.2, "strong certificate mapping" of KB5014754): an
 * otherName 1.3.6.1.4.1.311.25.2.1 holding the account's SID as text, e.g. S-1-5-21-...
 */
export function decodeSidExtension(value: Uint8Array): Decoded {
  const find = (t: Tlv): string | null => {
    if (t.cls === 0 && t.tag === 4) return latin1Text(content(value, t));
    if (!t.constructed) return null;
    for (const c of childrenOf(value, t)) {
      const s = find(c);
      if (s) return s;
    }
    return null;
  };
  const sid = find(readTlv(value, 0));
  if (!sid) return { lines: ['(no SID found)'], data: {} };
  return { lines: [sid], data: { sid } };
}
