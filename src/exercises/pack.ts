/**
 * Reads an exercise pack: `pack.yaml` (the ordered list of exercise ids) and one folder per
 * exercise holding `exercise.yaml`, its given files and its reference `solution.sh` (run by the
 * tests only). Every problem is one line `file:line: what is wrong`, as `lessons --check` prints.
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ID_PATTERN } from '../course/quiz-yaml.js';
import { parseYamlSource } from '../course/yaml-source.js';
import { packageRoot } from '../paths.js';
import { KU_NAMES } from '../pki/ext-decoders.js';
import { MAX_TEXT_BYTES, readFileCapped } from '../pki/file-limits.js';
import type { KeyUsageBit } from '../pki/types.js';
import { CERT_KINDS, PURPOSE_IDS } from '../pki/types.js';
import { type CheckSpec, type Exercise, HINT_TOOLS } from './types.js';

/** The built-in exercises (exercises/ in the package). */
export const exercisesDir = () => join(packageRoot(), 'exercises');

const fileName = z
  .string()
  .regex(/^(\.\.\/[a-z0-9-]+\/)?[A-Za-z0-9._-]+$/, 'a file name in the exercise folder, or ../ID/NAME');
const purposes = z.array(z.enum(PURPOSE_IDS as [string, ...string[]])).min(1);
const KU_BITS = KU_NAMES as [KeyUsageBit, ...KeyUsageBit[]];

const certExpect = z.strictObject({
  role: z.enum(['root CA', 'intermediate CA', 'end entity']).optional(),
  kind: z
    .array(z.enum(CERT_KINDS as [string, ...string[]]))
    .min(1)
    .optional(),
  selfSigned: z.boolean().optional(),
  cA: z.boolean().optional(),
  pathLen: z.number().int().min(0).optional(),
  keyUsage: z.array(z.enum(KU_BITS)).min(1).optional(),
  usableFor: purposes.optional(),
  notUsableFor: purposes.optional(),
  san: z.array(z.string().min(1)).min(1).optional(),
  names: z.array(z.string().min(1)).min(1).optional(),
  strongKey: z.literal(true).optional(),
  validNow: z.literal(true).optional(),
  keyMatches: z.literal(true).optional(),
  chainsTo: fileName.optional(),
  issuedBy: fileName.optional(),
  order: z.array(fileName).min(1).optional(),
  startsWith: fileName.optional(),
  sendOrder: z.literal(true).optional(),
  maxDays: z.number().int().min(1).optional(),
  sameKeyAs: fileName.optional(),
  sameNamesAs: fileName.optional(),
  outlives: fileName.optional(),
});
const pfxExpect = z.strictObject({
  hasKey: z.literal(true).optional(),
  keyMatches: z.literal(true).optional(),
  minCertificates: z.number().int().min(1).optional(),
  mac: z.enum(['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']).optional(),
  encryption: z.enum(['modern', 'legacy']).optional(),
  cipher: z.enum(['AES', '3DES']).optional(),
  keySpec: z.enum(['AT_KEYEXCHANGE', 'AT_SIGNATURE']).optional(),
  chainsTo: fileName.optional(),
});
const csrExpect = z.strictObject({
  san: z.array(z.string().min(1)).min(1).optional(),
  eku: purposes.optional(),
  signatureValid: z.literal(true).optional(),
  keyMatches: z.literal(true).optional(),
  noPrivateKey: z.literal(true).optional(),
});
const keyExpect = z.strictObject({
  pkcs8: z.literal(true).optional(),
  encrypted: z.boolean().optional(),
  matches: fileName.optional(),
});

const CHECK_SCHEMAS = {
  handshake: z.strictObject({
    handshake: z.enum(['server', 'client']),
    cert: fileName,
    key: fileName.optional(),
    name: z.string().min(1).optional(),
    trust: fileName,
    expect: z.enum(['accepted', 'refused']).optional(),
  }),
  pfx: z.strictObject({ pfx: fileName, password: fileName.optional(), expect: pfxExpect }),
  csr: z.strictObject({ csr: fileName, key: fileName.optional(), expect: csrExpect }),
  cert: z.strictObject({ cert: fileName, key: fileName.optional(), expect: certExpect }),
  key: z.strictObject({ key: fileName, password: fileName.optional(), expect: keyExpect }),
};

/** The schema of a check, chosen by its first key that names a kind (handshake, pfx, csr, cert, key). */
function checkSchemaFor(raw: unknown) {
  if (!raw || typeof raw !== 'object') return undefined;
  const kind = (Object.keys(CHECK_SCHEMAS) as (keyof typeof CHECK_SCHEMAS)[]).find((k) => k in raw);
  return kind ? CHECK_SCHEMAS[kind] : undefined;
}

const checkSchema = z.unknown().superRefine((raw, ctx) => {
  const schema = checkSchemaFor(raw);
  if (!schema) {
    ctx.addIssue({ code: 'custom', message: 'a check needs one of handshake, pfx, csr, cert, key' });
    return;
  }
  const r = schema.safeParse(raw);
  if (!r.success) for (const issue of r.error.issues) ctx.addIssue({ ...issue, path: issue.path } as never);
});

const exerciseSchema = z.strictObject({
  id: z.string().regex(ID_PATTERN, "lowercase words joined by '-'"),
  title: z.string().trim().min(1),
  lesson: z.string().regex(ID_PATTERN),
  task: z.string().trim().min(1),
  produce: z.array(fileName).min(1),
  given: z
    .array(z.string().regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)?$/, 'a file, or folder/file'))
    .default([]),
  generate: z.literal('renew-old').optional(),
  hints: z.array(z.strictObject({ tool: z.enum(HINT_TOOLS), text: z.string().trim().min(1) })).min(1),
  question: z.strictObject({ ask: z.string().trim().min(1), answer: z.string().trim().min(1) }).optional(),
  checks: z.array(checkSchema).min(1),
});

/** An exercise pack, read: the exercises that are sound, and one line per problem. */
export interface ExercisePack {
  dir: string;
  exercises: Exercise[];
  problems: string[];
}

function readExercise(packDir: string, id: string, problems: string[]): Exercise | null {
  const rel = `${id}/exercise.yaml`;
  const path = join(packDir, rel);
  if (!existsSync(path)) {
    problems.push(`${rel}:1: missing; every id listed in pack.yaml needs a folder with exercise.yaml`);
    return null;
  }
  const text = readPackText(path, rel, problems);
  if (text === undefined) return null;
  const src = parseYamlSource(text);
  if (src.syntaxErrors.length) {
    for (const e of src.syntaxErrors) problems.push(`${rel}:${e.line}: ${e.message}`);
    return null;
  }
  const parsed = exerciseSchema.safeParse(src.value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = issue.path as (string | number)[];
      const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
      problems.push(`${rel}:${src.lineOf(where)}: ${where.join('.') || 'the file'}: ${issue.message}${keys}`);
    }
    return null;
  }
  const d = parsed.data;
  const before = problems.length;
  if (d.id !== id)
    problems.push(`${rel}:${src.lineOf(['id'])}: id '${d.id}' must equal its folder name '${id}'`);
  for (const g of d.given) {
    if (!existsSync(join(packDir, id, 'given', g)))
      problems.push(`${rel}:${src.lineOf(['given'])}: given file ${g} is not in ${id}/given/`);
  }
  if (!existsSync(join(packDir, id, 'solution.sh')))
    problems.push(`${rel}:1: ${id}/solution.sh is missing (the reference solution the tests run)`);
  if (problems.length > before) return null;
  return { ...d, dir: join(packDir, id), checks: d.checks as CheckSpec[] } as Exercise;
}

/** A pack file's text (bounded like every read), or a problem line and undefined. */
function readPackText(path: string, rel: string, problems: string[]): string | undefined {
  try {
    return readFileCapped(path, MAX_TEXT_BYTES, 'an exercise pack file').toString('utf8');
  } catch (e) {
    problems.push(`${rel}:1: ${(e as Error).message}`);
    return undefined;
  }
}

/** Reads the pack in `dir` (default: the built-in exercises). Never throws for a bad pack. */
export function loadExercisePack(dir = exercisesDir()): ExercisePack {
  const problems: string[] = [];
  const listPath = join(dir, 'pack.yaml');
  if (!existsSync(listPath))
    return { dir, exercises: [], problems: ['pack.yaml:1: missing; list the exercise ids under exercises:'] };
  const listText = readPackText(listPath, 'pack.yaml', problems);
  if (listText === undefined) return { dir, exercises: [], problems };
  const src = parseYamlSource(listText);
  const list = (src.value as { exercises?: unknown } | undefined)?.exercises;
  if (src.syntaxErrors.length || !Array.isArray(list) || !list.every((x) => typeof x === 'string')) {
    const line = src.syntaxErrors[0]?.line ?? 1;
    return {
      dir,
      exercises: [],
      problems: [`pack.yaml:${line}: needs 'exercises:', a list of exercise ids`],
    };
  }
  const exercises: Exercise[] = [];
  for (const id of list as string[]) {
    const ex = readExercise(dir, id, problems);
    if (ex) exercises.push(ex);
  }
  return { dir, exercises, problems };
}

/** The exercise with this id, or undefined. */
export const findExercise = (pack: ExercisePack, id: string) => pack.exercises.find((e) => e.id === id);
