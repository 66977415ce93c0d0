import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFixtureFiles } from '../../src/course/generate-fixtures.js';
import { generateItems } from '../../src/course/generate-items.js';
import { buildQuiz } from '../../src/course/generate-quiz.js';
import { type Course, loadCourse, type QuizItem } from '../../src/course/index.js';
import { fixturesDir, lessonsDir } from '../../src/paths.js';

interface ManifestCert {
  subjectCN: string;
  role: string;
  validity: string;
  findings: string[];
  kind: string;
  selfSigned: boolean;
  purposes: Record<string, boolean>;
  openssl: Record<string, string>;
  issuerFile: string | null;
}
interface ManifestFile {
  hasPrivateKey: boolean;
  certificates: ManifestCert[];
  privateKeys?: { keySpec?: string }[];
}
const manifest = JSON.parse(readFileSync(join(fixturesDir(), 'manifest.json'), 'utf8')) as {
  files: Record<string, ManifestFile>;
};

// RFC 5280 §4.2.1.12 OIDs (docs/pki-rules.md §1.1), and the purpose that makes each kind what it is.
const OID: Record<string, string> = {
  server: '1.3.6.1.5.5.7.3.1',
  client: '1.3.6.1.5.5.7.3.2',
  'server+client': '1.3.6.1.5.5.7.3.2',
  'code signing': '1.3.6.1.5.5.7.3.3',
  'e-mail': '1.3.6.1.5.5.7.3.4',
  'time stamping': '1.3.6.1.5.5.7.3.8',
  'OCSP signing': '1.3.6.1.5.5.7.3.9',
};
const yn = (b: boolean) => (b ? 'yes' : 'no');

/** Up the manifest's issuerFile links: the first issuer that may not issue (RFC 5280 §4.2.1.9, §4.2.1.3). */
function brokenIssuer(cert: ManifestCert): string {
  for (let c = cert; c.issuerFile !== null; ) {
    const issuer = manifest.files[c.issuerFile]!.certificates[0]!;
    const mayIssue =
      issuer.role !== 'end entity' &&
      !issuer.findings.includes('ca-without-keycertsign') &&
      issuer.validity === 'valid';
    if (!mayIssue) return `CN=${issuer.subjectCN} is broken as an issuer`;
    if (issuer.issuerFile === c.issuerFile) break;
    c = issuer;
  }
  return 'Nothing: every link is in place up to a self-signed root';
}

/** The answer a careful human expects, from the hand-written manifest. */
function expectedAnswer(item: QuizItem): string {
  const [, gen, where] = item.id.match(/^gen:([^:]+):(.+)$/)!;
  const [file, n] = where!.split('#');
  const m = manifest.files[file!];
  if (!m) throw new Error(`${file} is not in fixtures/manifest.json`);
  const cert = m.certificates[Number(n ?? 0)]!;
  switch (gen) {
    case 'classify':
      return cert.kind;
    case 'self-signed':
      return yn(cert.selfSigned);
    case 'tls-server':
      return yn(cert.purposes.serverAuth!);
    case 'tls-client':
      return yn(cert.purposes.clientAuth!);
    case 'tls-server-openssl':
      return yn(cert.openssl['SSL server']!.startsWith('Yes'));
    case 'tls-client-openssl':
      return yn(cert.openssl['SSL client']!.startsWith('Yes'));
    case 'eku-oid':
      return OID[cert.kind]!;
    case 'private-key':
      return yn(m.hasPrivateKey);
    case 'keyspec':
      return m.privateKeys![0]!.keySpec!;
    case 'chain': {
      if (m.certificates.length === 1) return brokenIssuer(cert);
      // The first certificate whose issuer (by the manifest's issuerFile) is not in the file.
      const cns = m.certificates.map((c) => c.subjectCN);
      const orphan = m.certificates.find(
        (c) =>
          c.issuerFile !== null && !cns.includes(manifest.files[c.issuerFile]!.certificates[0]!.subjectCN),
      );
      return orphan
        ? `The issuer of CN=${orphan.subjectCN} is missing`
        : 'Nothing: every link is in place up to a self-signed root';
    }
    default:
      throw new Error(`no expectation for ${gen}`);
  }
}

let course: Course;
let generated: QuizItem[];

beforeAll(async () => {
  course = await loadCourse(lessonsDir(), { now: new Date('2026-11-26T12:00:00Z') });
  generated = generateItems(
    await loadFixtureFiles(course),
    course.lessons.map((l) => l.id),
  );
});

describe('generated questions', () => {
  it('state the answer fixtures/manifest.json gives for every fixture', () => {
    expect(generated.length).toBeGreaterThan(50);
    const disagree = generated
      .filter((i) => i.answer.join() !== expectedAnswer(i))
      .map((i) => `${i.id}: says ${i.answer.join()}, manifest says ${expectedAnswer(i)}`);
    expect(disagree).toEqual([]);
  });

  it('ask about every kind of certificate the fixtures hold', () => {
    const kinds = new Set(Object.values(manifest.files).flatMap((f) => f.certificates.map((c) => c.kind)));
    const asked = new Set(generated.filter((i) => i.id.startsWith('gen:classify:')).map((i) => i.answer[0]));
    expect([...kinds].filter((k) => !asked.has(k))).toEqual([]);
  });

  it('cover every kind of question, and chains that are sound, missing an issuer and broken', () => {
    const gens = new Set(generated.map((i) => i.id.split(':')[1]));
    for (const g of ['classify', 'self-signed', 'tls-server', 'tls-client', 'tls-server-openssl', 'eku-oid'])
      expect(gens).toContain(g);
    for (const g of ['private-key', 'keyspec', 'chain']) expect(gens).toContain(g);
    const chains = generated.filter((i) => i.id.startsWith('gen:chain:')).map((i) => i.answer[0]);
    expect(chains.some((a) => a?.startsWith('Nothing'))).toBe(true);
    expect(chains.some((a) => a?.endsWith('is missing'))).toBe(true);
    expect(chains.some((a) => a?.endsWith('is broken as an issuer'))).toBe(true);
  });

  it('have unique ids, the answer among the choices and no duplicated choice', () => {
    expect(new Set(generated.map((i) => i.id)).size).toBe(generated.length);
    for (const i of generated) {
      expect(i.source).toBe('generated');
      expect(new Set(i.choices).size).toBe(i.choices.length);
      for (const a of i.answer) expect(i.choices).toContain(a);
      expect(i.choices.length).toBeGreaterThanOrEqual(2);
      expect(course.lessons.map((l) => l.id)).toContain(i.lessonId);
    }
    for (const i of generated.filter((x) => x.kind === 'classify')) expect(i.choices).toHaveLength(4);
  });

  it('ask OpenSSL questions only where OpenSSL and RFC 5280 disagree, e.g. an anyExtendedKeyUsage-only leaf', () => {
    const openssl = generated.filter((i) => /^gen:tls-(server|client)-openssl:/.test(i.id));
    expect(openssl.map((i) => i.id)).toContain('gen:tls-server-openssl:leaf/any-eku.pem');
    for (const i of openssl) {
      const rfc = generated.find((x) => x.id === i.id.replace('-openssl', ''))!;
      expect(rfc.answer).not.toEqual(i.answer);
    }
  });
});

describe('drawing a quiz', () => {
  const quiz = (seed: string, extra: { lessonId?: string; count?: number } = {}) =>
    buildQuiz({ course, generated, seed, count: 10, ...extra });
  const shape = (q: QuizItem[]) => q.map((i) => `${i.lessonId}/${i.id}: ${i.choices.join(' | ')}`);

  it('gives the same questions, order and choice order for the same seed', () => {
    expect(shape(quiz('7'))).toEqual(shape(quiz('7')));
    expect(quiz('7')).toHaveLength(10);
  });

  it('gives a different quiz for a different seed', () => {
    expect(shape(quiz('7'))).not.toEqual(shape(quiz('8')));
  });

  it('gives the same quiz whatever day it is loaded on', async () => {
    const later = await loadCourse(lessonsDir(), { now: new Date('2031-06-01T00:00:00Z') });
    const laterGenerated = generateItems(
      await loadFixtureFiles(later),
      later.lessons.map((l) => l.id),
    );
    const q = buildQuiz({ course: later, generated: laterGenerated, seed: '7', count: 10 });
    expect(shape(q)).toEqual(shape(quiz('7')));
    expect(q.map((i) => i.answer)).toEqual(quiz('7').map((i) => i.answer));
  });

  it('mixes authored and generated questions', () => {
    const q = quiz('7');
    expect(q.filter((i) => i.source === 'authored').length).toBe(5);
    expect(q.filter((i) => i.source === 'generated').length).toBe(5);
  });

  it('keeps to one lesson when asked', () => {
    const q = quiz('3', { lessonId: 'eku-and-key-usage', count: 6 });
    expect(q).toHaveLength(6);
    expect(new Set(q.map((i) => i.lessonId))).toEqual(new Set(['eku-and-key-usage']));
  });
});

describe("a teacher's pack", () => {
  const packDir = join(fixturesDir(), '..', 'test', 'fixtures-packs', 'good');

  it("asks about the pack's own fixtures and the built-in ones it shows, in the pack's lessons", async () => {
    const pack = await loadCourse(packDir);
    const items = generateItems(
      await loadFixtureFiles(pack),
      pack.lessons.map((l) => l.id),
    );
    const ids = items.map((i) => i.id);
    expect(ids).toContain('gen:classify:pack:server.pem');
    // The pack's authored-only lesson shows builtin:leaf/server.pem, and no other built-in file.
    expect(ids).toContain('gen:classify:leaf/server.pem');
    expect(ids.filter((i) => !i.includes(':pack:')).every((i) => i.endsWith(':leaf/server.pem'))).toBe(true);
    for (const i of items) expect(pack.lessons.map((l) => l.id)).toContain(i.lessonId);
    const classifyServer = items.find((i) => i.id === 'gen:classify:pack:server.pem')!;
    expect(classifyServer.fixture?.ref).toBe('server.pem');
  });

  it('reads the KeySpec of a pack PFX as openssl pkcs12 -info shows it', async () => {
    const pack = await loadCourse(packDir);
    const items = generateItems(
      await loadFixtureFiles(pack),
      pack.lessons.map((l) => l.id),
    );
    // The oracle: "X509v3 Key Usage: 80" under Key Attributes means -keysig, i.e. AT_SIGNATURE.
    const info = execFileSync(
      'openssl',
      [
        'pkcs12',
        '-info',
        '-in',
        join(packDir, 'fixtures', 'client-keysig.pfx'),
        '-passin',
        'pass:cert-tutor',
        '-nocerts',
        '-nodes',
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const value = info.match(/X509v3 Key Usage: (\w+)/)?.[1];
    const expected = value === '80' ? 'AT_SIGNATURE' : value === '10' ? 'AT_KEYEXCHANGE' : 'not recorded';
    expect(items.find((i) => i.id === 'gen:keyspec:pack:client-keysig.pfx')?.answer).toEqual([expected]);
  });
});
