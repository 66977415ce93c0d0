import type { RunCommand } from './types.js';

/** One entry per subcommand; `usage` feeds --help so help never drifts from the table. */
export interface CommandEntry {
  name: string;
  summary: string;
  usage: string;
  load: () => Promise<{ run: RunCommand }>;
}

export const commands: CommandEntry[] = [
  {
    name: 'learn',
    summary: 'open the course (the default), or one lesson by id or number',
    usage: 'cert-tutor learn [LESSON] [--plain] [--lessons DIR]',
    load: () => import('./learn.js'),
  },
  {
    name: 'inspect',
    summary: 'explain certificate files: what each certificate is and can be used for',
    usage:
      'cert-tutor inspect FILE... [--json] [--at DATE] [--password P | --password-file F]   (- reads stdin)',
    load: () => import('./inspect.js'),
  },
  {
    name: 'quiz',
    summary: 'a quiz of authored and generated questions',
    usage:
      'cert-tutor quiz [--lesson ID] [--count N] [--seed S] [--name NAME] [--report FILE] [--plain] [--lessons DIR]',
    load: () => import('./quiz.js'),
  },
  {
    name: 'review',
    summary: 'drill the questions that are due for review',
    usage: 'cert-tutor review [--plain] [--lessons DIR]',
    load: () => import('./review.js'),
  },
  {
    name: 'lessons',
    summary: 'list the course, or check a lesson pack',
    usage: 'cert-tutor lessons [--lessons DIR] | cert-tutor lessons --check [DIR]',
    load: () => import('./lessons.js'),
  },
  {
    name: 'progress',
    summary: 'show or reset your progress',
    usage: 'cert-tutor progress [--json] [--reset [--yes]]',
    load: () => import('./progress.js'),
  },
  {
    name: 'report',
    summary: "summarise a class's quiz results files",
    usage: 'cert-tutor report FILE... [--csv]',
    load: () => import('./report.js'),
  },
  {
    name: 'lab',
    summary: 'hands-on TLS labs: real handshakes on 127.0.0.1',
    usage:
      'cert-tutor lab [NAME] [--scenario ID] [--json] | lab mtls --present FILE [--key FILE] [--password-file F | --password P] [--ca FILE] [--json] | lab server-identity --server FILE [--key FILE] [--password-file F | --password P] --name HOST [--ca FILE] [--json] | lab dual-use --present FILE --key FILE [--password-file F | --password P] [--json]',
    load: () => import('./lab.js'),
  },
];

/** Finds a subcommand by name. */
export const findCommand = (name: string) => commands.find((c) => c.name === name);
