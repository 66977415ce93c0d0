import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBinary, Terminal } from './tmux.js';

beforeAll(() => requireBinary());

describe('the built course with DEV=true in the environment (Ink dev mode)', () => {
  it('opens the home screen and quits with q, instead of dying on a missing package.json', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ct-e2e-dev-'));
    const t = new Terminal('dev');
    try {
      t.start({ home, env: { DEV: 'true' } });
      await t.waitFor('lessons done', 'the home screen with DEV=true');
      t.type('q');
      await t.waitFor('[exited 0]', 'the app to exit');
      expect(t.screen()).not.toContain('internal error');
    } finally {
      t.close();
      rmSync(home, { recursive: true, force: true });
    }
  });
});
