import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLessonMarkdown } from '../../src/course/lesson-md.js';
import { fixturesDir } from '../../src/paths.js';

const pack = '/packs/demo';
const md = (body: string) => `---\ntitle: Demo\nsummary: A demo lesson.\n---\n${body}`;

describe('parseLessonMarkdown', () => {
  it('splits pages at <!-- page --> lines and takes each title from the first heading', () => {
    const r = parseLessonMarkdown(md('# One\n\nText one.\n<!-- page -->\n# Two\n\nText two.\n'), pack);
    expect(r.problems).toEqual([]);
    expect(r.title).toBe('Demo');
    expect(r.summary).toBe('A demo lesson.');
    expect(r.pages.map((p) => [p.index, p.title])).toEqual([
      [0, 'One'],
      [1, 'Two'],
    ]);
    expect(r.pages[1]?.blocks).toEqual([{ type: 'markdown', text: '# Two\n\nText two.' }]);
  });

  it('turns a lab marker into a lab block, with the scenario it names', () => {
    const r = parseLessonMarkdown(
      md('# Try\n\nText.\n<!-- lab: mtls scenario=server-cert -->\n<!-- lab: dual-use -->\n'),
      pack,
    );
    expect(r.problems).toEqual([]);
    expect(r.pages[0]?.blocks).toEqual([
      { type: 'markdown', text: '# Try\n\nText.' },
      { type: 'lab', lab: 'mtls', scenario: 'server-cert' },
      { type: 'lab', lab: 'dual-use' },
    ]);
  });

  it('turns an exercise marker into an exercise block; a marker without a usable id is a problem on its line', () => {
    const r = parseLessonMarkdown(
      md('# Do\n\nText.\n<!-- exercise: root-ca -->\n<!-- exercise: Root CA -->\n'),
      pack,
    );
    expect(r.pages[0]?.blocks).toEqual([
      { type: 'markdown', text: '# Do\n\nText.' },
      { type: 'exercise', id: 'root-ca' },
    ]);
    expect(r.problems).toEqual([
      { line: 9, message: 'write <!-- exercise: ID --> with the id of an exercise (exercises/ID)' },
    ]);
  });

  it('reports a lab marker with an unknown lab, scenario or option on its line, naming the right ones', () => {
    const r = parseLessonMarkdown(
      md(
        '# Try\n<!-- lab: tls -->\n<!-- lab: mtls scenario=nope -->\n<!-- lab: mtls colour=red -->\n<!-- lab: -->\n',
      ),
      pack,
    );
    expect(r.problems).toEqual([
      { line: 6, message: "there is no lab 'tls'; use one of: mtls, server-identity, dual-use" },
      {
        line: 7,
        message:
          "the mtls lab has no scenario 'nope'; use one of: client-cert, server-cert, expired-client, other-ca, revoked-client, nothing, no-key",
      },
      { line: 8, message: "unknown lab marker option 'colour'; use scenario=ID" },
      {
        line: 9,
        message:
          'this lab marker names no lab; write <!-- lab: ID --> with ID one of: mtls, server-identity, dual-use',
      },
    ]);
    expect(r.pages[0]?.blocks.filter((b) => b.type === 'lab')).toHaveLength(2);
  });

  it('keeps a lab marker inside a fenced code block as text', () => {
    const r = parseLessonMarkdown(md('# Syntax\n\n```\n<!-- lab: mtls -->\n```\n'), pack);
    expect(r.pages[0]?.blocks).toEqual([
      { type: 'markdown', text: '# Syntax\n\n```\n<!-- lab: mtls -->\n```' },
    ]);
  });

  it('turns a cert marker into a cert block between the Markdown around it', () => {
    const r = parseLessonMarkdown(
      md('# Look\n\nBefore.\n\n<!-- cert: leaf/a.pem#2 highlight=subject,issuer -->\n\nAfter.\n'),
      pack,
    );
    expect(r.problems).toEqual([]);
    expect(r.pages[0]?.blocks).toEqual([
      { type: 'markdown', text: '# Look\n\nBefore.' },
      {
        type: 'cert',
        ref: 'leaf/a.pem#2',
        path: join(pack, 'fixtures', 'leaf/a.pem'),
        index: 2,
        highlight: ['subject', 'issuer'],
      },
      { type: 'markdown', text: 'After.' },
    ]);
    expect(r.certs.map((c) => c.line)).toEqual([9]);
  });

  it('resolves builtin: references to cert-tutor fixtures and keeps a password', () => {
    const r = parseLessonMarkdown(
      md('# P\n<!-- cert: builtin:containers/x.pfx password=cert-tutor -->\n'),
      pack,
    );
    const block = r.pages[0]?.blocks[1];
    expect(block).toMatchObject({
      path: join(fixturesDir(), 'containers/x.pfx'),
      password: 'cert-tutor',
      index: 0,
    });
  });

  it('leaves markers inside fenced code blocks as text', () => {
    const r = parseLessonMarkdown(md('# P\n\n```\n<!-- page -->\n<!-- cert: x.pem -->\n```\n'), pack);
    expect(r.problems).toEqual([]);
    expect(r.pages).toHaveLength(1);
    expect(r.certs).toEqual([]);
  });

  it('reports an empty file, a missing front matter and missing title or summary at their lines', () => {
    expect(parseLessonMarkdown('  \n', pack).problems).toEqual([
      { line: 1, message: expect.stringMatching(/is empty/) },
    ]);
    expect(parseLessonMarkdown('# No front matter\n', pack).problems[0]).toMatchObject({ line: 1 });
    const noSummary = parseLessonMarkdown('---\ntitle: T\nother: x\n---\n# P\n', pack);
    expect(noSummary.problems).toEqual([
      { line: 1, message: expect.stringMatching(/no summary; add 'summary:/) },
    ]);
    const emptyTitle = parseLessonMarkdown('---\nsummary: S\ntitle: ""\n---\n# P\n', pack);
    expect(emptyTitle.problems).toEqual([{ line: 3, message: expect.stringMatching(/no title/) }]);
  });

  it('reports an empty page at its page marker, an unknown highlight and a path leaving the pack', () => {
    const r = parseLessonMarkdown(
      md(
        '# P\n<!-- page -->\n\n<!-- page -->\n# Q\n<!-- cert: a.pem highlight=subjectName -->\n<!-- cert: ../x.pem -->\n',
      ),
      pack,
    );
    expect(r.problems.map((p) => p.line)).toEqual([6, 10, 11]);
    expect(r.problems[0]?.message).toMatch(/page is empty/);
    expect(r.problems[1]?.message).toMatch(/cannot highlight 'subjectName'/);
    expect(r.problems[2]?.message).toMatch(/leaves the pack's fixtures\/ folder/);
  });
});
