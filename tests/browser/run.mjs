// Runs every *.test.mjs in this folder with node's built-in test runner, one file at
// a time (each may start a browser; the machines have two cores).
//
// Usage: node tests/browser/run.mjs            (builds the search fixture)
//        SITE_DIR=public node tests/browser/run.mjs   (tests a built site)

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here)
  .filter((name) => name.endsWith('.test.mjs'))
  .sort()
  .map((name) => join(here, name));

if (files.length === 0) {
  console.error('No *.test.mjs files in', here);
  process.exit(1);
}

const result = spawnSync(
  process.execPath,
  ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
  { stdio: 'inherit', cwd: here },
);
process.exit(result.status ?? 1);
