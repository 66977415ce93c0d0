import { describe, expect, it } from 'vitest';
import { parseCourseYaml } from '../../src/course/course-yaml.js';

const base = [
  'format: 1',
  'title: T',
  'version: 2026.11.1',
  'clock: 2026-11-26T12:00:00Z',
  'welcome: Hi',
  'closing: Bye',
  'lessons:',
  '  - one',
  '  - two',
];

describe('parseCourseYaml', () => {
  it('reads a sound manifest with the line of each lesson id', () => {
    const { manifest, problems } = parseCourseYaml(base.join('\n'));
    expect(problems).toEqual([]);
    expect(manifest).toMatchObject({
      format: 1,
      version: '2026.11.1',
      clock: '2026-11-26T12:00:00.000Z',
      lessons: [
        { id: 'one', line: 8 },
        { id: 'two', line: 9 },
      ],
      lessonsLine: 7,
    });
  });

  it('refuses a format it does not know, at the format line', () => {
    const { manifest, problems } = parseCourseYaml(['title: T', 'format: 2', ...base.slice(2)].join('\n'));
    expect(manifest).toBeUndefined();
    expect(problems).toEqual([
      { line: 2, message: expect.stringMatching(/format 2 is not one this cert-tutor reads/) },
    ]);
  });

  it('names a missing key and what to write', () => {
    const { problems } = parseCourseYaml(base.filter((l) => !l.startsWith('closing')).join('\n'));
    expect(problems).toEqual([{ line: 1, message: expect.stringMatching(/has no closing; add 'closing:'/) }]);
  });

  it('reports a clock that is not a date at its line', () => {
    const { problems } = parseCourseYaml(
      base.map((l) => (l.startsWith('clock') ? 'clock: soon' : l)).join('\n'),
    );
    expect(problems).toEqual([
      { line: 4, message: expect.stringMatching(/clock is not valid; write the lesson clock/) },
    ]);
  });

  it('names the line indented too deep, with advice about indentation, not quotes', () => {
    // Line 5 is indented deeper than 'welcome: hello' on line 4.
    const text = ['format: 1', 'title: t', 'version: 1.0.0', 'welcome: hello', '   closing: bye', ''].join(
      '\n',
    );
    const { problems } = parseCourseYaml(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(5);
    expect(problems[0]!.message).toMatch(
      /^YAML syntax error: this line is indented deeper than 'welcome: hello'/,
    );
    expect(problems[0]!.message).not.toContain('quotes');
  });

  it('names the line indented less than its item, with advice about indentation', () => {
    const text = ['lessons:', '  - id: a', '    title: x', '   summary: y', ''].join('\n');
    const { problems } = parseCourseYaml(text);
    expect(problems[0]).toEqual({
      line: 4,
      message: expect.stringMatching(
        /^YAML syntax error: this line is indented less than the keys of its item/,
      ),
    });
  });

  it('reports a YAML syntax error at its line', () => {
    const { problems } = parseCourseYaml(['format: 1', 'title: a: b', ...base.slice(2)].join('\n'));
    expect(problems).toEqual([
      { line: 2, message: expect.stringMatching(/^YAML syntax error: .*put the text in quotes/) },
    ]);
  });
});
