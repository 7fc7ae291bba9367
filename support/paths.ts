import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project's directory (the one with package.json), found from this file's place: the same
 * whether the code runs from its sources or from the emit in build/js/<hash>/
 * (scripts/run-compiled.js), where a fixed number of `..` would point inside build/.
 */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

const ROOT = projectRoot(__dirname);
const BUILD = join(ROOT, 'build');

/** Every place of the project the harness reads or writes: computed here only. */
export const PATHS = {
  root: ROOT,
  /** The code running: the sources (= root), or their emit in build/js/<hash>/ that cucumber loads. */
  code: dirname(__dirname),
  services: join(ROOT, 'services'),
  features: join(ROOT, 'features'),
  examples: join(ROOT, 'examples'),
  /** The image recipes: the base image's debootstrap package list, the host image's Dockerfile, a package's dependency layer. */
  recipes: { base: join(ROOT, 'recipes', 'base'), host: join(ROOT, 'recipes', 'host'), dependencies: join(ROOT, 'recipes', 'dependencies') },
  build: BUILD,
  /** The example packages, built with the images. */
  exampleDebs: join(BUILD, 'debs'),
  /** Package names read in a container of the base image, by sha256 (package-preflight.ts). */
  packageNames: join(BUILD, 'package-names'),
  /** What the harness keeps between runs (json-cache.ts). */
  cache: join(BUILD, 'cache'),
  /** The default --reports-dir. */
  reports: join(ROOT, 'reports'),
  docs: join(ROOT, 'docs'),
  guidelines: join(ROOT, 'docs', 'new-service-guidelines.md'),
} as const;

/** The harness's version is package.json's: one place to bump (--version and the reports). */
export function harnessVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
