// The site the search tests run against: SITE_DIR (a built site, served at
// SITE_BASE_PATH, default "/"), or else a fixture built by
// `cargo run --example search_fixture` into a temporary folder at "/sub/", so the
// base-path handling is exercised too.
//
// The queries and expected answers live in search-cases.json; point SEARCH_CASES at
// another file with the same shape to check a real site's content.

import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '..', '..');

export async function prepareSite() {
  if (process.env.SITE_DIR) {
    return {
      dir: resolve(process.env.SITE_DIR),
      base: process.env.SITE_BASE_PATH || '/',
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'pp-search-site-'));
  const base = '/sub/';
  execFileSync('cargo', ['run', '--quiet', '--example', 'search_fixture', '--', dir, base], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { dir, base };
}

export async function loadCases() {
  const file = process.env.SEARCH_CASES || join(here, 'search-cases.json');
  return JSON.parse(await readFile(file, 'utf8'));
}
