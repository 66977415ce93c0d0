/**
 * `npm run docs:commands`: rewrites the README's command table from the commands' specs
 * (src/commands/index.ts). test/commands/spec.test.ts fails when the README is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { commands } from '../src/commands/index.js';
import { readmeCommandTable } from '../src/commands/spec.js';

const START = '<!-- commands:start (npm run docs:commands writes this table) -->';
const END = '<!-- commands:end -->';
const readme = readFileSync('README.md', 'utf8');
const a = readme.indexOf(START);
const b = readme.indexOf(END);
if (a < 0 || b < a) throw new Error(`README.md has no ${START} ... ${END} block`);
writeFileSync(
  'README.md',
  `${readme.slice(0, a + START.length)}\n${readmeCommandTable(commands)}\n${readme.slice(b)}`,
);
console.log('README.md: command table rewritten');
