import { afterEach, describe, expect, it } from 'vitest';
import type { Course } from '../../src/course/types.js';
import { LabError } from '../../src/labs/errors.js';
import { closeAllLabServers, openLabServerCount } from '../../src/labs/index.js';
import { testCourse } from './course-fixture.js';
import { type AppHarness, renderApp } from './render-app.js';

let app: AppHarness | undefined;
afterEach(async () => {
  app?.unmount();
  await closeAllLabServers();
});

/** The test course, with beta's only page offering the mtls lab, starting at the server certificate. */
function courseWithLab(): Course {
  const course = testCourse();
  const beta = course.lessons[1]!;
  beta.pages[0]!.blocks.push({ type: 'lab', lab: 'mtls', scenario: 'server-cert' });
  return course;
}

describe('TLS lab screen (real handshakes on 127.0.0.1)', () => {
  it('offers the lab on a lesson page, opens it with t on the scenario the page names, and runs it', async () => {
    app = renderApp({ course: courseWithLab() });
    const a = app;
    await a.press('2', 'enter');
    const page = await a.waitFor('Beta only page');
    expect(page).toContain('TLS lab: Client certificates (mutual TLS)');
    expect(page).toContain('Press t to run it');
    await a.press('t');
    const menu = await a.waitFor('Choose what to try');
    expect(menu).toContain('TLS lab 1/3');
    expect(menu).toMatch(/❯ 2\. present the server certificate/);
    await a.press('enter');
    const result = await a.waitFor('Result:', 'the handshake result');
    expect(result).toContain('REFUSED');
    expect(result).toContain('CertificateRequest');
    expect(result).toContain('unsuitable certificate purpose');
    await a.press('G');
    expect(await a.waitFor('Why')).toContain('clientAuth');
    expect(openLabServerCount()).toBe(0);
    await a.press('escape');
    const seen = await a.waitFor('Choose what to try');
    expect(seen).toMatch(/2\. present the server certificate.*REFUSED/);
    await a.press('escape');
    await a.waitFor('Beta only page');
  });

  it('opens the labs from home with t, switches lab with the arrows and runs a choice by its number', async () => {
    app = renderApp();
    const a = app;
    await a.waitFor('Alpha lesson');
    await a.press('t');
    await a.waitFor('TLS lab 1/3');
    await a.press('right');
    await a.waitFor('TLS lab 2/3: Is this the server I asked for?');
    await a.press('1');
    const r = await a.waitFor('Result:', 'the handshake result');
    expect(r).toContain('ACCEPTED');
    expect(r).toContain('www.example.test');
    await a.press('right');
    const next = await a.waitFor(/Result:.*REFUSED/, 'the next choice to run and be refused');
    expect(next).toContain('legacy.example.test');
  });

  it('runs the dual-use lab in both roles and shows both outcomes', async () => {
    app = renderApp();
    const a = app;
    await a.waitFor('Alpha lesson');
    await a.press('t', 'left');
    await a.waitFor('TLS lab 3/3: One certificate, both roles');
    await a.press('3');
    const r = await a.waitFor('As a client:', 'the dual-use result');
    expect(r).toMatch(/As a server: .*REFUSED/);
    expect(r).toMatch(/As a client: .*REFUSED/);
  });

  it('says in one line when a lab cannot run, and the menu still works', async () => {
    app = renderApp({
      runLab: () => Promise.reject(new LabError('port', 'could not listen on 127.0.0.1')),
    });
    const a = app;
    await a.waitFor('Alpha lesson');
    await a.press('t', '1');
    const f = await a.waitFor('could not run');
    expect(f).toContain('The lab could not run: could not listen on 127.0.0.1');
    await a.press('escape');
    await a.waitFor('Choose what to try');
  });

  it('takes a prediction with r, says whether it came true, and keeps the tally on the menu', async () => {
    app = renderApp();
    const a = app;
    await a.waitFor('Alpha lesson');
    await a.press('t');
    expect(await a.waitFor('Decide first')).toContain('press a if the other side will accept it');
    await a.press('down', 'r');
    const r = await a.waitFor('You predicted', 'the verdict on the prediction');
    expect(r).toContain('You predicted REFUSED: right.');
    await a.press('escape', 'up', 'r');
    expect(await a.waitFor('You predicted')).toContain('You predicted REFUSED: not this time.');
    await a.press('escape');
    await a.waitFor('Your predictions so far: 1 of 2 right.');
  });
});
