import { PassThrough } from 'node:stream';
import { createPlainIO, type PlainIO } from '../../src/plain/line-io.js';

/** A line-mode session over in-memory streams: `input` is what the learner types (then end of input). */
export function scriptedIO(input: string, width = 80): { io: PlainIO; output: () => string } {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (d) => {
    text += d;
  });
  stdin.end(input);
  return { io: createPlainIO(stdin, stdout, { width, echo: true }), output: () => text };
}
