/**
 * Checks a learner's exercise folder against the exercise's expectations: files only (the engine
 * reads them), plus real handshakes where a check is about use. Never throws for bad files.
 */
import { existsSync } from 'node:fs';
import { certChecks } from './cert-checks.js';
import { csrChecks } from './csr-checks.js';
import { handshakeCheck } from './handshake.js';
import {
  type CertSource,
  MaterialError,
  readAny,
  readBounded,
  readCertificate,
  readKey,
} from './material.js';
import { keyChecks, pfxChecks } from './other-checks.js';
import type { CheckResult, CheckSpec, Exercise, ExerciseResult } from './types.js';

/** The file a check is about, for a check that cannot run. */
const subject = (s: CheckSpec) =>
  'pfx' in s
    ? s.pfx
    : 'csr' in s
      ? s.csr
      : 'handshake' in s
        ? s.cert
        : 'cert' in s && s.cert
          ? s.cert
          : s.key;

async function runOne(s: CheckSpec, folder: string, now: Date): Promise<CheckResult[]> {
  const cache = new Map<string, Promise<CertSource>>();
  const readOther = (n: string) => {
    const p = cache.get(n) ?? readCertificate(folder, n, now);
    cache.set(n, p);
    return p;
  };
  if ('handshake' in s) {
    const cert = await readCertificate(folder, s.cert, now);
    const keyFile = cert.keys.length ? undefined : s.key;
    return [
      await handshakeCheck({
        role: s.handshake,
        cert,
        keyFile,
        name: s.name,
        trustFile: s.trust,
        expect: s.expect ?? 'accepted',
        folder,
        now,
      }),
    ];
  }
  if ('pfx' in s) {
    const src = await readAny(folder, s.pfx, now, s.password ?? 'password.txt');
    if (src.report.error) throw new MaterialError(`${s.pfx}: ${src.report.error}`);
    const out = pfxChecks(s.pfx, src, s.expect);
    if (s.expect.chainsTo && src.ders.length) {
      // The leaf is the certificate the key belongs to; the rest of the PFX is its chain.
      const leaf = src.keys[0]?.matchesCertificate ?? 0;
      const order = [leaf, ...src.ders.keys()].filter((i, n, a) => a.indexOf(i) === n);
      const leafFirst: CertSource = {
        ...src,
        ders: order.map((i) => src.ders[i]!),
        report: { ...src.report, certificates: order.map((i) => src.report.certificates[i]!) },
      };
      out.push(...(await certChecks(s.pfx, leafFirst, { chainsTo: s.expect.chainsTo }, { now, readOther })));
    }
    return out;
  }
  if ('csr' in s) {
    const bytes = readBounded(folder, s.csr);
    return csrChecks(s.csr, folder, bytes, s.key, s.expect);
  }
  if ('cert' in s && s.cert) {
    const src = await readCertificate(folder, s.cert, now);
    const key =
      s.key && src.keys.length === 0
        ? { name: s.key, keys: (await readKey(folder, s.key, now)).keys }
        : undefined;
    return certChecks(src.shown, src, s.expect, { now, readOther, ...(key ? { key } : {}) });
  }
  const ks = s as Extract<CheckSpec, { key: string; cert?: undefined }>;
  const src = await readKey(folder, ks.key, now);
  const other = ks.expect.matches ? await readOther(ks.expect.matches) : undefined;
  return keyChecks(ks.key, src, other, ks.expect);
}

/**
 * Control characters (C0, DEL, C1) shown as \xNN: messages quote names from the learner's
 * certificates, and an escape sequence in a CN must not reach the terminal.
 */
export const visible = (text: string) =>
  text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

/** Checks the folder `folder` (the workspace's ID/) for `exercise` at `now`. */
export async function checkExercise(exercise: Exercise, folder: string, now: Date): Promise<ExerciseResult> {
  if (!existsSync(folder))
    return {
      id: exercise.id,
      passed: false,
      checks: [
        {
          name: `${exercise.id}/: folder`,
          passed: false,
          message: `${folder} does not exist; make the workspace first: cert-tutor exercises init`,
        },
      ],
    };
  const checks: CheckResult[] = [];
  for (const s of exercise.checks) {
    try {
      checks.push(...(await runOne(s, folder, now)));
    } catch (e) {
      if (!(e instanceof MaterialError)) throw e;
      // A missing file is said once, however many checks are about it.
      if (!checks.some((c) => c.message === e.message))
        checks.push({ name: `${subject(s)}: readable`, passed: false, message: e.message });
    }
  }
  const shown = checks.map((c) => ({ ...c, message: visible(c.message) }));
  return { id: exercise.id, passed: shown.length > 0 && shown.every((c) => c.passed), checks: shown };
}
