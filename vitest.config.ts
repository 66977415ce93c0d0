import { defineConfig } from 'vitest/config';

/**
 * Three tiers (docs/architecture.md, "Tests"); `npm test` runs each and fails when one ran no test.
 * - e2e: the built binary (tmux, pipes). New files: test/e2e/** or *-binary.test.ts.
 * - oracle: compares with the real OpenSSL 3.0 and the corpora at ../shared/corpus. New files:
 *   *.oracle.test.ts, or under test/fixtures/.
 * - unit: everything else (pure code, the App in memory, handshakes on loopback).
 */
export const tiers = {
  e2e: [
    'test/e2e/**/*.test.{ts,tsx}',
    'test/**/*-binary.test.{ts,tsx}',
    'test/commands/inspect-cli.test.ts',
    'test/commands/plain-learn.test.ts',
    'test/commands/quiz.test.ts',
  ],
  oracle: [
    'test/**/*.oracle.test.{ts,tsx}',
    'test/fixtures/**/*.test.ts',
    'test/pki/openssl-oracle.test.ts',
    'test/pki/openssl.test.ts',
    'test/pki/limbo-chains.test.ts',
    'test/pki/self-signed.test.ts',
    'test/pki/other-purpose.test.ts',
    'test/pki/containers/corpus.test.ts',
    'test/pki/containers/pkits-pfx.test.ts',
    'test/pki/containers/pkcs12-openssl.test.ts',
    'test/pki/containers/chains.test.ts',
  ],
};

const all = 'test/**/*.test.{ts,tsx}';

export default defineConfig({
  test: {
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { CI: '', FORCE_COLOR: '0' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: [all], exclude: [...tiers.e2e, ...tiers.oracle] },
      },
      {
        extends: true,
        test: {
          name: 'oracle',
          include: tiers.oracle,
          exclude: tiers.e2e,
          setupFiles: ['test/setup.ts', 'test/oracle-setup.ts'],
        },
      },
      { extends: true, test: { name: 'e2e', include: tiers.e2e } },
    ],
  },
});
