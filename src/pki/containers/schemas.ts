import { EncryptedContentInfo } from '@peculiar/asn1-cms';
import { AsnProp, AsnPropTypes, AsnType, AsnTypeTypes, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';

/*
 * The @peculiar/asn1-* packages have no schema for PKCS#5 (RFC 8018) PBES2/PBKDF2 parameters, RFC
 * 7292 PBE parameters or CMS EncryptedData (docs/decisions.md, "PKCS#12"), so these few SEQUENCEs are declared
 * here with the same library's decorators rather than parsed by hand.
 */

/** RFC 7292 appendix C pkcs-12PbeParams. */
@AsnType({ type: AsnTypeTypes.Sequence })
export class Pkcs12PbeParams {
  @AsnProp({ type: OctetString }) salt = new OctetString();
  @AsnProp({ type: AsnPropTypes.Integer }) iterations = 0;
}

/** RFC 8018 §A.2 PBKDF2-params (the `otherSource` salt choice is not used by any PFX tool). */
@AsnType({ type: AsnTypeTypes.Sequence })
export class Pbkdf2Params {
  @AsnProp({ type: OctetString }) salt = new OctetString();
  @AsnProp({ type: AsnPropTypes.Integer }) iterationCount = 0;
  @AsnProp({ type: AsnPropTypes.Integer, optional: true }) keyLength?: number;
  @AsnProp({ type: AlgorithmIdentifier, optional: true }) prf?: AlgorithmIdentifier;
}

/** RFC 8018 §A.4 PBES2-params. */
@AsnType({ type: AsnTypeTypes.Sequence })
export class Pbes2Params {
  @AsnProp({ type: AlgorithmIdentifier }) keyDerivationFunc = new AlgorithmIdentifier();
  @AsnProp({ type: AlgorithmIdentifier }) encryptionScheme = new AlgorithmIdentifier();
}

/** RFC 8018 §B.2.3 RC2-CBC-Parameter (the version form OpenSSL writes). */
@AsnType({ type: AsnTypeTypes.Sequence })
export class Rc2CbcParams {
  @AsnProp({ type: AsnPropTypes.Integer, optional: true }) rc2ParameterVersion?: number;
  @AsnProp({ type: OctetString }) iv = new OctetString();
}

/** RFC 5652 §8 EncryptedData (the encrypted SafeContents of a PFX). */
@AsnType({ type: AsnTypeTypes.Sequence })
export class CmsEncryptedData {
  @AsnProp({ type: AsnPropTypes.Integer }) version = 0;
  @AsnProp({ type: EncryptedContentInfo }) encryptedContentInfo = new EncryptedContentInfo();
}
