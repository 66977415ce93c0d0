/**
 * One-time setup for @peculiar/x509: it needs a Reflect metadata polyfill and a WebCrypto
 * provider before first use. Every module that uses @peculiar/x509 imports this module first.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { cryptoProvider } from '@peculiar/x509';

cryptoProvider.set(webcrypto as unknown as Crypto);

/** True once the provider is set (importing this module is what matters). */
export const x509Ready = true;
