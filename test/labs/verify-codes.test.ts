import { describe, expect, it } from 'vitest';
import { alertFromMessage, lookupVerifyCode, openSslReason } from '../../src/labs/verify-codes.js';
import { fixture, openssl } from './helpers.js';

const verify = (args: string[]) => {
  const file = args[args.length - 1] ?? '';
  const flags = args.slice(0, -1);
  return openssl([
    'verify',
    ...flags,
    '-CAfile',
    fixture('ca/root-ca.pem'),
    '-untrusted',
    fixture('ca/intermediate-ca.pem'),
    file,
  ]);
};

describe('verify codes', () => {
  it.each([
    ['INVALID_PURPOSE', ['-purpose', 'sslclient', fixture('leaf/server.pem')]],
    ['CERT_HAS_EXPIRED', [fixture('leaf/expired-client.pem')]],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', [fixture('leaf/localhost-self-signed.pem')]],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', [fixture('leaf/client-other-ca.pem')]],
  ])('gives %s the number and text openssl verify prints', (code, args) => {
    const known = lookupVerifyCode(code);
    const out = verify(args);
    expect(out).toContain(`error ${known?.number} at 0 depth lookup: ${known?.text}`);
  });

  it('reads the alert number and name out of an OpenSSL error string', () => {
    const msg =
      '80AC22B9267F0000:error:0A00045C:SSL routines:ssl3_read_bytes:tlsv13 alert certificate required:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 116\n';
    expect(alertFromMessage(msg)).toEqual({ number: 116, name: 'certificate_required' });
    expect(openSslReason(msg)).toBe('tlsv13 alert certificate required');
    expect(alertFromMessage('socket hang up')).toBeUndefined();
  });
});
