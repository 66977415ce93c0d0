import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fixturesDir, lessonsDir } from '../paths.js';
import { readFileCapped } from '../pki/file-limits.js';
import type { CertificateReport, ChainReport, FileReport } from '../pki/types.js';
import { fixtureReader } from './fixture-open.js';
import { badLinkOnWay, listRegularFiles } from './pack-paths.js';
import type { Course } from './types.js';

/** One fixture file, read by the certificate engine at the course clock. */
export interface FixtureFile {
  /** Stable name used in generated item ids: `leaf/server.pem` (built-in) or `pack:leaf/x.pem` (a pack's own). */
  key: string;
  /** The reference as a lesson pack writes it: `builtin:leaf/server.pem` or `leaf/x.pem`. */
  ref: string;
  /** Absolute path. */
  path: string;
  password?: string;
  report: FileReport;
  /** Ids of the lessons that show this file (pages or quiz items), in course order. */
  lessons: string[];
  /**
   * For a file holding one certificate that is not self-signed: its chain built by the engine
   * across all the course's fixture files (`certs` are the certificates the chain's indexes name).
   */
  chain?: { report: ChainReport; certs: CertificateReport[] };
}

// Certificate, key and container files; README.md, manifest.json and the like are skipped.
const FIXTURE_FILE = /\.(pem|crt|cer|der|p7b|p7c|pfx|p12|key|csr)$/i;

// Files found without following links (a link inside fixtures/ could name any file on the machine).
const listFiles = (dir: string) => listRegularFiles(dir, (name) => FIXTURE_FILE.test(name));

/** Passwords a fixtures folder declares in its manifest.json (`files[PATH].password`), if any. */
function manifestPasswords(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  try {
    const m = JSON.parse(readFileCapped(join(dir, 'manifest.json')).toString('utf8')) as {
      files?: Record<string, { password?: unknown }>;
    };
    for (const [p, f] of Object.entries(m.files ?? {}))
      if (typeof f?.password === 'string') out.set(p, f.password);
  } catch {
    // no manifest, or not ours: passwords then come from the quiz items only
  }
  return out;
}

/** Which lessons show each file (by absolute path), from pages' certificates and quiz items. */
function lessonsShowing(course: Course): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (path: string, id: string) => {
    const l = out.get(path) ?? [];
    if (!l.includes(id)) l.push(id);
    out.set(path, l);
  };
  for (const l of course.lessons) {
    for (const p of l.pages) for (const b of p.blocks) if (b.type === 'cert') add(b.path, l.id);
    for (const q of l.quiz) if (q.fixture) add(q.fixture.path, l.id);
  }
  return out;
}

/**
 * Every fixture of a course, read by the engine at the course's lesson clock so that answers never
 * depend on today's date. The built-in course uses all of cert-tutor's fixtures; a teacher's pack
 * uses its own `fixtures/` folder and the built-in files its lessons show. Passwords come from the
 * quiz items that show a file and from a fixtures manifest.json. Files in a stable order (by key).
 */
export async function loadFixtureFiles(
  course: Course,
  builtinDir = fixturesDir(),
  builtinCourseDir = lessonsDir(),
): Promise<FixtureFile[]> {
  const clock = new Date(course.clock);
  const read = fixtureReader(Number.isNaN(clock.getTime()) ? new Date(0) : clock);
  const itemPasswords = new Map<string, string>();
  for (const l of course.lessons)
    for (const q of l.quiz)
      if (q.fixture?.password !== undefined) itemPasswords.set(q.fixture.path, q.fixture.password);
  const showing = lessonsShowing(course);
  const isBuiltinCourse = resolve(course.dir) === resolve(builtinCourseDir);
  const sources = [
    {
      dir: builtinDir,
      key: (p: string) => p,
      ref: (p: string) => `builtin:${p}`,
      wanted: (path: string) => isBuiltinCourse || showing.has(path),
    },
  ];
  const packDir = join(course.dir, 'fixtures');
  // A pack's fixtures/ that is a link leaving the pack is not read (checkPack reports it).
  const packOwn = !isBuiltinCourse && resolve(packDir) !== resolve(builtinDir) && existsSync(packDir);
  if (packOwn && !badLinkOnWay(course.dir, packDir))
    sources.push({ dir: packDir, key: (p) => `pack:${p}`, ref: (p) => p, wanted: () => true });
  const pending: Promise<FixtureFile>[] = [];
  for (const s of sources) {
    const passwords = manifestPasswords(s.dir);
    for (const rel of listFiles(s.dir)) {
      const path = join(s.dir, rel);
      if (!s.wanted(path)) continue;
      const password = itemPasswords.get(path) ?? passwords.get(rel);
      // Read every file at once: the reads overlap, and the result keeps this order.
      pending.push(
        read(path, password).then((report) => ({
          key: s.key(rel),
          ref: s.ref(rel),
          path,
          ...(password !== undefined ? { password } : {}),
          report,
          lessons: showing.get(path) ?? [],
        })),
      );
    }
  }
  const out = await Promise.all(pending);
  out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  await addChains(out, clock);
  return out;
}

/** Builds, with the engine, the chain of each lone certificate across every fixture file. */
async function addChains(files: FixtureFile[], clock: Date): Promise<void> {
  const { buildChains, certificateDers } = await import('../pki/index.js');
  const ders: Uint8Array[] = [];
  const certs: CertificateReport[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    const d = certificateDers(f.report);
    f.report.certificates.forEach((c, i) => {
      if (seen.has(c.sha256) || !d[i]) return;
      seen.add(c.sha256);
      ders.push(d[i]!);
      certs.push(c);
    });
  }
  const chains = await buildChains(ders, clock);
  for (const f of files) {
    const c = f.report.certificates;
    if (c.length !== 1 || c[0]!.selfSigned) continue;
    const report = chains.find((ch) => certs[ch.order[0]!]?.sha256 === c[0]!.sha256);
    if (report) f.chain = { report, certs };
  }
}
