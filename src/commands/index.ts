import { LIVE_OPTIONS } from './live-source.js';
import type { CommandSpec } from './spec.js';
import type { RunCommand } from './types.js';

/** One entry per subcommand: its spec (parsing and every help text come from it) and its code. */
export interface CommandEntry extends CommandSpec {
  load: () => Promise<{ run: RunCommand }>;
}

const lessonsOption = {
  type: 'string',
  value: 'DIR',
  description: 'use the lesson pack in DIR instead of the built-in course',
} as const;
const plainOption = {
  type: 'boolean',
  description: 'line mode: numbered choices, no cursor movement (screen readers, scripts)',
} as const;

/** --at DATE: `verb` says what happens at that date. */
const atOption = (verb: string) =>
  ({
    type: 'string',
    value: 'DATE',
    description: `${verb} at DATE (2030-01-01 or 2030-01-01T12:00:00Z) instead of now`,
  }) as const;

/** --password and --password-file for the files named by `what`. */
const passwordOptions = (what: string, fileNote = '') =>
  ({
    password: {
      type: 'string',
      value: 'P',
      description: `the password of ${what} (visible to other users in ps)`,
    },
    'password-file': {
      type: 'string',
      value: 'F',
      description: `read that password from the first line of file F${fileNote}`,
    },
  }) as const;

export const LEARN = {
  name: 'learn',
  summary: 'open the course (the default), or one lesson by id or number',
  args: '[LESSON]',
  argsHelp: ['LESSON  a lesson id (keyspec) or its number in the course (3)'],
  options: { plain: plainOption, lessons: lessonsOption },
  examples: ['cert-tutor', 'cert-tutor learn 3', 'cert-tutor learn keyspec --plain'],
} as const satisfies CommandSpec;

export const INSPECT = {
  name: 'inspect',
  summary: 'explain certificate files: what each certificate is and can be used for',
  args: 'FILE...',
  argsHelp: [
    'FILE  a certificate, chain, PFX/P12, P7B, key or CSR file, PEM or DER; - reads stdin',
    '      or https://HOST[:PORT] / tls://HOST:PORT: the chain that server presents (not trusted)',
  ],
  options: {
    json: { type: 'boolean', description: 'print one JSON object ({"files": [...]}) instead of text' },
    at: atOption('judge validity'),
    ...passwordOptions('a PKCS#12 file or encrypted key'),
    ...LIVE_OPTIONS,
  },
  examples: [
    'cert-tutor inspect server.crt',
    'cert-tutor inspect leaf.pem intermediate.pem root.pem',
    'cert-tutor inspect bundle.pfx --password-file pw.txt --json',
    'cert-tutor inspect tls://mail.example.test:993 --servername mail.example.test',
  ],
} as const satisfies CommandSpec;

export const VERIFY = {
  name: 'verify',
  summary: 'validate a certificate chain as OpenSSL 3.0 does, each check explained',
  args: 'CERT',
  argsHelp: [
    'CERT  the certificate to verify (PEM, DER or P7B); more certificates in it count as --untrusted',
    '      or https://HOST[:PORT] / tls://HOST:PORT: the chain that server presents, checked for HOST',
  ],
  options: {
    untrusted: {
      type: 'string',
      value: 'FILE',
      multiple: true,
      description: 'intermediates that may complete the chain (not trusted); repeatable',
    },
    ca: {
      type: 'string',
      value: 'FILE',
      multiple: true,
      description: 'trust the self-signed roots in FILE; repeatable (default: the system store)',
    },
    system: { type: 'boolean', description: "also trust the system's roots (Debian's, else Node's)" },
    crl: {
      type: 'string',
      value: 'FILE',
      multiple: true,
      description:
        'check the leaf against the CRL in FILE (PEM or DER; openssl verify -crl_check); repeatable',
    },
    'crl-all': {
      type: 'boolean',
      description: 'with --crl: check every certificate of the chain (-crl_check_all)',
    },
    host: {
      type: 'string',
      value: 'NAME',
      description: 'check the certificate is for host NAME (wildcards as OpenSSL)',
    },
    ip: { type: 'string', value: 'ADDR', description: 'check the certificate is for IP address ADDR' },
    email: { type: 'string', value: 'ADDR', description: 'check the certificate is for e-mail address ADDR' },
    purpose: {
      type: 'string',
      value: 'P',
      description: 'server, client, smime, codesign, or an openssl -purpose name (sslserver, crlsign...)',
    },
    at: atOption('validate'),
    json: { type: 'boolean', description: 'print {"valid", "error", "chain", "checks", "warnings"} as JSON' },
    ...LIVE_OPTIONS,
  },
  examples: [
    'cert-tutor verify server.pem --untrusted intermediate.pem --ca root.pem --host www.example.test',
    'cert-tutor verify fullchain.pem --system --purpose server --json',
    'cert-tutor verify https://www.example.test --timeout 3',
  ],
} as const satisfies CommandSpec;

export const QUIZ = {
  name: 'quiz',
  summary: 'a quiz of authored and generated questions',
  args: '',
  options: {
    lesson: { type: 'string', value: 'ID', description: 'only the questions of this lesson' },
    count: { type: 'string', value: 'N', description: 'how many questions (1 to 1000; default 10)' },
    seed: {
      type: 'string',
      value: 'S',
      description: 'the same seed gives everyone the same questions in the same order',
    },
    name: { type: 'string', value: 'NAME', description: "the student's name, written into the results file" },
    report: { type: 'string', value: 'FILE', description: 'write the results to FILE for cert-tutor report' },
    plain: plainOption,
    lessons: lessonsOption,
  },
  examples: ['cert-tutor quiz --count 5', 'cert-tutor quiz --seed week1 --name "Alice" --report alice.json'],
} as const satisfies CommandSpec;

export const REVIEW = {
  name: 'review',
  summary: 'drill the questions that are due for review',
  args: '',
  options: { plain: plainOption, lessons: lessonsOption },
  examples: ['cert-tutor review'],
} as const satisfies CommandSpec;

export const LESSONS = {
  name: 'lessons',
  summary: 'list the course, or check a lesson pack',
  args: '[DIR]',
  argsHelp: ['DIR  with --check: the pack folder to check (default: the built-in course)'],
  options: {
    check: { type: 'boolean', description: 'validate the pack and recompute every computed answer' },
    explain: {
      type: 'boolean',
      description: 'with --check: print each computed answer beside its item and fixture',
    },
    lessons: lessonsOption,
    plain: plainOption,
  },
  examples: [
    'cert-tutor lessons',
    'cert-tutor lessons --check ./my-pack',
    'cert-tutor lessons --check --explain ./my-pack',
  ],
} as const satisfies CommandSpec;

export const PROGRESS = {
  name: 'progress',
  summary: 'show or reset your progress',
  args: '',
  options: {
    json: { type: 'boolean', description: 'print the summary as JSON' },
    reset: { type: 'boolean', description: 'erase your progress (asks first)' },
    yes: { type: 'boolean', description: 'with --reset: do not ask' },
    lessons: lessonsOption,
  },
  examples: ['cert-tutor progress', 'cert-tutor progress --reset --yes'],
} as const satisfies CommandSpec;

export const REPORT = {
  name: 'report',
  summary: "summarise a class's quiz results files",
  args: 'FILE...',
  argsHelp: ['FILE  a results file written by cert-tutor quiz --report FILE'],
  options: { csv: { type: 'boolean', description: 'print CSV (one row per student and question)' } },
  examples: ['cert-tutor report results/*.json', 'cert-tutor report results/*.json --csv > class.csv'],
} as const satisfies CommandSpec;

export const LAB = {
  name: 'lab',
  summary: 'hands-on TLS labs: real handshakes on 127.0.0.1',
  args: '[NAME]',
  argsHelp: ['NAME  mtls, server-identity or dual-use (none: list the labs)'],
  options: {
    scenario: { type: 'string', value: 'ID', description: "run one of the lab's scenarios" },
    present: {
      type: 'string',
      value: 'FILE',
      description: 'mtls, dual-use: your certificate (PEM/DER with --key, or PFX/P12)',
    },
    server: { type: 'string', value: 'FILE', description: "server-identity: your server's certificate" },
    key: { type: 'string', value: 'FILE', description: 'the private key of --present or --server' },
    ...passwordOptions('a PFX/P12 or encrypted key', ' (not visible in ps)'),
    ca: { type: 'string', value: 'FILE', description: 'trust this CA instead of the teaching CA' },
    name: {
      type: 'string',
      value: 'HOST',
      description: 'server-identity: the host name the client asks for',
    },
    json: { type: 'boolean', description: 'print the result as JSON' },
    plain: plainOption,
  },
  examples: [
    'cert-tutor lab mtls',
    'cert-tutor lab mtls --scenario server-cert',
    'cert-tutor lab mtls --present client.pfx --password-file pw.txt',
    'cert-tutor lab server-identity --server server.crt --key server.key --name www.example.test',
  ],
} as const satisfies CommandSpec;

const packOption = {
  type: 'string',
  value: 'DIR',
  description: 'use the exercise pack in DIR instead of the built-in exercises',
} as const;
const workspaceOption = {
  type: 'string',
  value: 'DIR',
  description: 'the exercises workspace (default ./cert-tutor-exercises)',
} as const;

export const EXERCISES = {
  name: 'exercises',
  summary: 'hands-on exercises: make the workspace (init), list them with their status, or check a pack',
  args: '[init [DIR]]',
  argsHelp: ['init DIR  make the workspace in DIR (default ./cert-tutor-exercises): one folder per exercise'],
  options: {
    dir: workspaceOption,
    json: { type: 'boolean', description: 'print the list as JSON' },
    check: { type: 'boolean', description: 'validate the exercise pack (--pack DIR, or the built-in one)' },
    pack: packOption,
  },
  examples: [
    'cert-tutor exercises init',
    'cert-tutor exercises',
    'cert-tutor exercises --check --pack ./my-exercises',
  ],
} as const satisfies CommandSpec;

export const EXERCISE = {
  name: 'exercise',
  summary: 'open an exercise and re-check it as its files change, or check it once (check ID)',
  args: '[check] [ID]',
  argsHelp: [
    'ID        an exercise id (root-ca, server-cert, ...); none: the first one not yet passed',
    'check ID  check once and exit: 0 every check passes, 1 any fails, 2 a usage error',
  ],
  options: {
    dir: workspaceOption,
    json: { type: 'boolean', description: 'with check: print {"id","passed","checks":[...]}' },
    report: {
      type: 'string',
      value: 'FILE',
      description: 'with check: write a results file for cert-tutor report (one row per check)',
    },
    name: { type: 'string', value: 'NAME', description: "with --report: the student's name" },
    pack: packOption,
    plain: plainOption,
  },
  examples: [
    'cert-tutor exercise root-ca',
    'cert-tutor exercise check server-cert',
    'cert-tutor exercise check server-cert --dir ~/alice --json',
    'cert-tutor exercise check server-cert --dir ~/alice --name Alice --report alice-server-cert.json',
  ],
} as const satisfies CommandSpec;

export const commands: CommandEntry[] = [
  { ...LEARN, load: () => import('./learn.js') },
  { ...INSPECT, load: () => import('./inspect.js') },
  { ...VERIFY, load: () => import('./verify.js') },
  { ...QUIZ, load: () => import('./quiz.js') },
  { ...REVIEW, load: () => import('./review.js') },
  { ...LESSONS, load: () => import('./lessons.js') },
  { ...PROGRESS, load: () => import('./progress.js') },
  { ...REPORT, load: () => import('./report.js') },
  { ...LAB, load: () => import('./lab.js') },
  { ...EXERCISES, load: () => import('./exercises.js') },
  { ...EXERCISE, load: () => import('./exercise.js') },
];

/** Finds a subcommand by name. */
export const findCommand = (name: string) => commands.find((c) => c.name === name);
