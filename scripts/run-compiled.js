// @ts-check
// `node scripts/run-compiled.js support/cli/acceptance.ts ARGS`: runs a TypeScript entry point
// of the harness from JavaScript that tsc emitted once, so that neither the CLI nor each
// cucumber worker loads ts-node at start-up (issue 14: about 10 s of a one-area run went to
// starting workers under ts-node). The emit is kept in build/js/<hash of the sources, the
// build configuration and the compiler version>/ and redone only when one of them changes,
// on first use from a fresh clone too. It is a plain emit (tsconfig.build.json: noCheck):
// `npm test` type-checks with tsc --noEmit.
'use strict';
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..');
const BUILDS = join(ROOT, 'build', 'js');
const CONFIGURATION = ['tsconfig.json', 'tsconfig.build.json'];
/** What tsconfig.build.json compiles. */
const SOURCE_DIRS = ['support', 'steps'];
/** A build nobody has used for a day belongs to sources that are gone (the janitor's rule for containers too). */
const STALE_MS = 24 * 3600 * 1000;

/** @param {string} dir @returns {string[]} paths relative to ROOT */
function sources(dir) {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function buildHash() {
  const hash = createHash('sha256');
  hash.update(`typescript ${require('typescript/package.json').version}\0`);
  for (const file of [...CONFIGURATION, ...SOURCE_DIRS.flatMap(sources)].sort()) {
    hash.update(`${file}\0`).update(readFileSync(join(ROOT, file))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** Builds of other sources (and half-written ones of killed runs) left for a day. */
function removeStaleBuilds() {
  for (const name of readdirSync(BUILDS)) {
    const path = join(BUILDS, name);
    if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
  }
}

/** The directory holding the emitted JavaScript of the current sources, emitted now if needed. */
function currentBuild() {
  const build = join(BUILDS, buildHash());
  if (existsSync(build)) return build;
  mkdirSync(BUILDS, { recursive: true });
  removeStaleBuilds();
  process.stderr.write(`compiling the harness to ${relative(ROOT, build)} (once per change of its sources)\n`);
  // Emitted aside, then renamed: runs started together never load a half-written build.
  const partial = join(BUILDS, `.partial-${process.pid}`);
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', partial], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (tsc.status !== 0) {
    rmSync(partial, { recursive: true, force: true });
    process.stderr.write(`environment error: compiling the harness failed (tsc exited ${tsc.status ?? tsc.signal}):\n${tsc.stdout}${tsc.stderr}\n  fix: run npx tsc --noEmit and correct what it reports\n`);
    process.exit(2);
  }
  try {
    renameSync(partial, build);
  } catch (error) {
    // Another run emitted the same sources first: use its build.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(build)) throw error;
  }
  return build;
}

const [entry, ...args] = process.argv.slice(2);
if (!entry?.endsWith('.ts')) {
  process.stderr.write('usage: node scripts/run-compiled.js ENTRY.ts [ARGS...]\n');
  process.exit(2);
}
const compiled = join(currentBuild(), entry.replace(/\.ts$/, '.js'));
// The entry reads its arguments and its own path (to start runs of itself) as if started directly.
process.argv = [process.argv[0], compiled, ...args];
require(compiled);
