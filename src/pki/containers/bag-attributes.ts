import type { PKCS12Attribute } from '@peculiar/asn1-pfx';
import * as asn1js from 'asn1js';
import { ATTR_FRIENDLY_NAME, ATTR_LOCAL_KEY_ID, ATTR_MS_CSP_NAME, ATTR_MS_LOCAL_MACHINE } from '../oids.js';
import { toHex } from './asn1-schema.js';

/** The SafeBag attributes cert-tutor explains (docs/pki-rules.md §3.3). */
export interface BagAttributes {
  friendlyName?: string;
  localKeyId?: string;
  cspName?: string;
  localMachine?: boolean;
}

/** Reads friendlyName, localKeyID, the Microsoft CSP name and the local-machine flag of a bag. */
export function readBagAttributes(attrs: PKCS12Attribute[] | undefined): BagAttributes {
  const out: BagAttributes = {};
  for (const a of attrs ?? []) {
    const raw = a.attrValues[0];
    if (a.attrId === ATTR_MS_LOCAL_MACHINE) out.localMachine = true;
    if (!raw) continue;
    if (a.attrId === ATTR_FRIENDLY_NAME) out.friendlyName = text(raw);
    else if (a.attrId === ATTR_MS_CSP_NAME) out.cspName = text(raw);
    else if (a.attrId === ATTR_LOCAL_KEY_ID) out.localKeyId = octets(raw);
  }
  return out;
}

function text(raw: ArrayBuffer): string | undefined {
  const parsed = asn1js.fromBER(raw).result as { valueBlock?: { value?: unknown } };
  const v = parsed.valueBlock?.value;
  return typeof v === 'string' ? v : undefined;
}

function octets(raw: ArrayBuffer): string | undefined {
  const parsed = asn1js.fromBER(raw).result;
  return parsed instanceof asn1js.OctetString ? toHex(parsed.getValue()) : undefined;
}
