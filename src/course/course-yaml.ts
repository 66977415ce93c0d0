import { z } from 'zod';
import { ID_PATTERN } from './quiz-yaml.js';
import { type LineProblem, parseYamlSource } from './yaml-source.js';

/** The pack format versions this cert-tutor reads. */
export const SUPPORTED_FORMATS = [1];

const courseSchema = z.object({
  format: z.number().int(),
  title: z.string().trim().min(1),
  version: z.union([z.string().trim().min(1), z.number()]),
  clock: z
    .string()
    .trim()
    .refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d\d-\d\d/.test(s))
    .optional(),
  welcome: z.string().trim().min(1),
  closing: z.string().trim().min(1),
  lessons: z.array(z.string()).min(1),
});

/** course.yaml, validated: the ordered lesson ids with the line each is listed on. */
export interface CourseManifest {
  format: number;
  title: string;
  version: string;
  clock?: string;
  welcome: string;
  closing: string;
  lessons: { id: string; line: number }[];
  /** Line of the `lessons:` key (unlisted folders are reported there). */
  lessonsLine: number;
}

const WHAT: Record<string, string> = {
  format: 'the pack format version, 1',
  title: 'the course title',
  version: 'the course version, e.g. 2026.11.1',
  clock: 'the lesson clock, an ISO date such as 2026-11-26T12:00:00Z',
  welcome: 'the text shown on the home screen the first time',
  closing: 'the text shown when every lesson is done',
  lessons: 'the list of lesson ids, in order',
};

/**
 * Reads course.yaml. Returns the manifest when it is usable (its lesson list may still carry
 * problems, reported alongside), or none when the file itself must be fixed first.
 */
export function parseCourseYaml(text: string): { manifest?: CourseManifest; problems: LineProblem[] } {
  const src = parseYamlSource(text);
  if (src.syntaxErrors.length) return { problems: src.syntaxErrors };
  const doc = src.value;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    return {
      problems: [
        {
          line: 1,
          message:
            'course.yaml must be a map of keys: format, title, version, clock, welcome, closing, lessons',
        },
      ],
    };
  }
  const obj = doc as Record<string, unknown>;
  const problems: LineProblem[] = [];
  const parsed = courseSchema.safeParse(doc);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (obj[key] === undefined) {
        problems.push({ line: 1, message: `course.yaml has no ${key}; add '${key}:' (${WHAT[key] ?? key})` });
      } else {
        const line = src.lineOf(issue.path as (string | number)[]);
        problems.push({
          line,
          message: `${issue.path.join('.')} is not valid; write ${WHAT[key] ?? 'a text'}`,
        });
      }
    }
    return { problems };
  }
  const d = parsed.data;
  if (!SUPPORTED_FORMATS.includes(d.format)) {
    problems.push({
      line: src.lineOf(['format']),
      message: `format ${d.format} is not one this cert-tutor reads (${SUPPORTED_FORMATS.join(', ')}); update cert-tutor or write format: 1`,
    });
    return { problems };
  }
  const lessons: { id: string; line: number }[] = [];
  const seen = new Set<string>();
  d.lessons.forEach((id, i) => {
    const line = src.lineOf(['lessons', i]);
    if (!ID_PATTERN.test(id)) {
      problems.push({ line, message: `lesson id '${id}' is not valid; use lowercase words joined by '-'` });
    } else if (seen.has(id)) {
      problems.push({ line, message: `lesson id '${id}' is listed twice; remove the repeat` });
    } else {
      seen.add(id);
      lessons.push({ id, line });
    }
  });
  const manifest: CourseManifest = {
    format: d.format,
    title: d.title.trim(),
    version: String(d.version),
    ...(d.clock ? { clock: new Date(d.clock).toISOString() } : {}),
    welcome: d.welcome.trim(),
    closing: d.closing.trim(),
    lessons,
    lessonsLine: src.keyLineOf([], 'lessons'),
  };
  return { manifest, problems };
}
