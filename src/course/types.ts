/**
 * The plain data shapes of a loaded course (lessons/README.md describes the files they come from).
 * Front ends (TUI, line mode, quiz, reports) read these and never parse lesson files themselves.
 */
import type { LabId } from '../labs/types.js';

/** The quiz item kinds of lesson-pack format 1. */
export type QuizKind = 'classify' | 'field' | 'has-private-key' | 'keyspec' | 'choice' | 'multi-choice';

/** Every quiz item kind, in the order lessons/README.md lists them. */
export const QUIZ_KINDS: readonly QuizKind[] = [
  'classify',
  'field',
  'has-private-key',
  'keyspec',
  'choice',
  'multi-choice',
];

/** The field names a `<!-- cert: ... highlight=... -->` marker may highlight (CertificateReport names). */
export const HIGHLIGHT_FIELDS: readonly string[] = [
  'subject',
  'issuer',
  'serialNumber',
  'notBefore',
  'notAfter',
  'publicKey',
  'signatureAlgorithm',
  'sha1',
  'sha256',
  'subjectAltName',
  'keyUsage',
  'extendedKeyUsage',
  'basicConstraints',
  'extensions',
  'version',
];

/** A Markdown block of a page: front ends render it (headings, lists, tables, code). */
export interface MarkdownBlock {
  type: 'markdown';
  text: string;
}

/** A fixture certificate embedded in a page with `<!-- cert: PATH highlight=... -->`. */
export interface CertBlock {
  type: 'cert';
  /** The reference as written in lesson.md, e.g. "builtin:leaf/server.pem#0". */
  ref: string;
  /** Absolute path of the file. */
  path: string;
  /** Index of the certificate in the file (0-based; `#N` in the reference, else 0). */
  index: number;
  /** Field names to highlight (subject, issuer, extendedKeyUsage, ...; see HIGHLIGHT_FIELDS). */
  highlight: string[];
  /** The password of a PKCS#12 file (`password=` in the marker), when it needs one. */
  password?: string;
}

/** A TLS lab offered on a page with `<!-- lab: ID scenario=ID -->`: front ends let the learner run it. */
export interface LabBlock {
  type: 'lab';
  /** The lab's id: mtls, server-identity or dual-use (`cert-tutor lab` lists them). */
  lab: LabId;
  /** The scenario to offer first, when the marker names one. */
  scenario?: string;
}

/** A hands-on exercise offered on a page with `<!-- exercise: ID -->` (exercises/ID). */
export interface ExerciseBlock {
  type: 'exercise';
  id: string;
}

/** One block of a page, in reading order. */
export type PageBlock = MarkdownBlock | CertBlock | LabBlock | ExerciseBlock;

/** One screen of a lesson. */
export interface Page {
  /** 0-based position in the lesson. */
  index: number;
  /** The text of the page's first heading, when it has one. */
  title?: string;
  blocks: PageBlock[];
}

/** The fixture a quiz item shows. */
export interface QuizFixture {
  ref: string;
  path: string;
  index: number;
  password?: string;
}

/** One quiz question, with its answer already resolved (computed answers included). */
export interface QuizItem {
  /** Unique within its lesson. */
  id: string;
  lessonId: string;
  kind: QuizKind;
  prompt: string;
  fixture?: QuizFixture;
  /** The texts the learner picks from. */
  choices: string[];
  /** The right choice texts: one for single-answer kinds, one or more for multi-choice. */
  answer: string[];
  hint: string;
  /** Shown after every answer, right or wrong. */
  explanation: string;
  /** Why a particular wrong choice is wrong, keyed by choice text. */
  wrong: Record<string, string>;
  source: 'authored' | 'generated';
  /** `order: fixed` in quiz.yaml: the choices keep their authored order (e.g. a scale). */
  order?: 'fixed';
}

/** One lesson of the course. */
export interface Lesson {
  id: string;
  /** 1-based position in the course. */
  number: number;
  title: string;
  summary: string;
  pages: Page[];
  quiz: QuizItem[];
  /** Absolute path of the lesson folder. */
  dir: string;
}

/** A loaded lesson pack. */
export interface Course {
  /** Pack format version (1). */
  format: number;
  title: string;
  /** Course version, e.g. "2026.11.1": quiz results record it. */
  version: string;
  /** The lesson clock (ISO 8601): fixtures are judged at this instant. */
  clock: string;
  welcome: string;
  closing: string;
  /** Absolute path of the pack folder. */
  dir: string;
  lessons: Lesson[];
  /**
   * What the checker would report. Lessons and quiz items with a problem are left out (a
   * learner never meets a wrong answer key); front ends may say "run cert-tutor lessons --check".
   */
  problems?: Problem[];
  /** What the checker warns about without failing (e.g. how the choices were ordered). */
  warnings?: Problem[];
}

/** The verdict on one answer. */
export interface Grade {
  correct: boolean;
  given: string[];
  expected: string[];
  explanation: string;
  /** Why the (first) wrong choice given is wrong, when the item says so. */
  whyWrong?: string;
}

/** One problem found in a pack by the checker. */
export interface Problem {
  /** Path of the file, relative to the pack folder (e.g. "server-vs-client/quiz.yaml"). */
  file: string;
  /** 1-based line; 0 when the problem concerns the file as a whole. */
  line: number;
  /** What is wrong; what to do. */
  message: string;
}
