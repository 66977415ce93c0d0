import { describe, expect, it } from 'vitest';
import { run } from '../../src/commands/inspect.js';
import { fixturesDir } from '../../src/paths.js';
import { scriptedContext } from './command-context.js';

const fx = (p: string) => `${fixturesDir()}/${p}`;
const NOW = new Date('2026-11-26T12:00:00Z');

describe('inspect of several files', () => {
  it('--json holds the chain across the files, as the text output shows it', async () => {
    const files = [fx('leaf/server.pem'), fx('ca/intermediate-ca.pem'), fx('ca/root-ca.pem')];
    const s = scriptedContext('', NOW, {});
    expect(await run([...files, '--json'], s.ctx)).toBe(0);
    const j = JSON.parse(s.stdout());
    expect(j.acrossFiles.certificates.map((c: { file: string }) => c.file)).toEqual(files);
    const chain = j.acrossFiles.chains.find((c: { order: number[] }) => c.order[0] === 0);
    expect(chain.order).toEqual([0, 1, 2]);
    expect(chain.complete).toBe(true);
    const text = scriptedContext('', NOW, {});
    await run(files, text.ctx);
    expect(text.stdout()).toMatch(/Across all files:/);
  });

  it('--json of one file has no acrossFiles', async () => {
    const s = scriptedContext('', NOW, {});
    await run([fx('leaf/server.pem'), '--json'], s.ctx);
    expect(JSON.parse(s.stdout()).acrossFiles).toBeUndefined();
  });
});
