import { describe, expect, it } from 'vitest';
import { mergeProgress } from '../../src/progress/merge.js';
import { recordExercise } from '../../src/progress/record.js';
import { emptyProgress } from '../../src/progress/types.js';
import { validateProgress } from '../../src/progress/validate.js';

const t1 = new Date('2030-01-01T10:00:00.000Z');
const t2 = new Date('2030-01-01T11:00:00.000Z');

describe('hands-on exercises in progress', () => {
  it('recordExercise counts checks and keeps the first pass', () => {
    const a = recordExercise(emptyProgress(), 'root-ca', true, t1);
    const b = recordExercise(a, 'root-ca', false, t2);
    expect(b.exercises?.['root-ca']).toEqual({
      passed: false,
      at: t2.toISOString(),
      checks: 2,
      passedAt: t1.toISOString(),
    });
    expect(a.exercises?.['root-ca']?.checks).toBe(1);
  });

  it('a stored document keeps its exercises; a malformed record is dropped and named', () => {
    const raw = {
      format: 1,
      lessons: {},
      review: {},
      exercises: {
        'root-ca': { passed: true, at: t1.toISOString(), checks: 3, passedAt: t1.toISOString() },
        csr: { passed: 'yes', at: t1.toISOString(), checks: 1 },
      },
    };
    const r = validateProgress(raw);
    if (!('doc' in r)) throw new Error('unusable');
    expect(r.doc.exercises).toEqual({ 'root-ca': raw.exercises['root-ca'] });
    expect(r.dropped).toEqual(['exercise csr (malformed)']);
  });

  it('two windows: the newest check wins, the first pass is kept, other exercises stay', () => {
    const disk = recordExercise(recordExercise(emptyProgress(), 'root-ca', true, t1), 'csr', false, t1);
    const mine = recordExercise(emptyProgress(), 'root-ca', false, t2);
    const m = mergeProgress(disk, mine);
    expect(m.exercises?.['root-ca']).toMatchObject({
      passed: false,
      at: t2.toISOString(),
      passedAt: t1.toISOString(),
    });
    expect(m.exercises?.csr).toMatchObject({ passed: false });
  });
});
