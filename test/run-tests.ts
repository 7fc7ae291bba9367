// Type-checks the project, then runs every *.test.ts (unit specs beside the code in support/ and
// steps/, harness self-tests in test/) with node's test runner, and ends with one summary line CI
// can read.
//
// The self-tests boot many hosts, and a 2-core machine is CPU-bound by them: the files run side
// by side, and the harness runs they start share a few run slots (test/run-slots.ts), so that
// the machine is busy with a few hosts at a time whichever file they come from. Before, the
// harness's API builds the images and the example packages, which every self-test needs and none
// should build beside another, and the CLI's JavaScript is emitted; that build leaves a core mostly idle (dpkg and debootstrap work on one), so the
// unit specs, which need no engine, run beside it. The files that judge the engine as a whole (a
// run killed with SIGKILL leaves containers until `--cleanup` removes those of every ended run)
// run after, alone.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { PATHS } from '../support/paths';
import { buildExamplePackages, PREPARED, selfTestConcurrency } from './harness';
import { scratchDir } from './scratch-dir';

const root = PATHS.root;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Run alone, after the others. */
const ALONE = ['test/interruptions.test.ts'];
/** Started first: the longest files, so that the short ones fill the time around them. */
const LONGEST = ['test/example-service.test.ts', 'test/shapes.test.ts', 'test/cgroup-v2.test.ts', 'test/host-faults.test.ts', 'test/acceptance-cli.test.ts'];
/** Test files side by side: the run slots, not the files, bound the hosts. */
const FILES_AT_ONCE = 6;

const only = process.argv.slice(2);
const files = ['support', 'steps', 'test', 'bench']
  .flatMap((dir) => testFiles(join(root, dir)))
  .map((file) => relative(root, file))
  .filter((file) => only.length === 0 || only.some((o) => file.includes(o)))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

function rank(file: string): number {
  const longest = LONGEST.indexOf(file);
  return longest >= 0 ? longest : LONGEST.length;
}

let passed = 0;
let failed = 0;

// Ctrl-C reaches every process of the terminal's group, but a SIGTERM to this process alone
// must end the test files too: aborting the run kills them. Registered before scratchDir's own
// listeners, which then end this process (and remove the run-slot directory).
const interrupted = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => interrupted.abort());

function runFiles(group: string[], concurrency: number): Promise<void> {
  if (group.length === 0) return Promise.resolve();
  const stream = run({ files: group.map((file) => join(root, file)), concurrency, signal: interrupted.signal });
  stream.on('test:pass', (event) => {
    if (event.details.type !== 'suite') passed++;
  });
  stream.on('test:fail', (event) => {
    if (event.details.type !== 'suite') failed++;
  });
  const report = stream.compose(new spec());
  report.pipe(process.stdout, { end: false });
  return new Promise((resolve) => report.on('end', resolve));
}

/** tsc --noEmit over the project; its output when it finds errors. */
function typeCheck(): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const tsc = spawn(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', root], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    tsc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    tsc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    tsc.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

/** The images and example packages every self-test needs, built once. */
async function prepare(): Promise<void> {
  try {
    await buildExamplePackages();
    process.env[PREPARED] = '1';
  } catch (error) {
    // Each file's own `before` builds them again and fails with the same words, as a test.
    process.stdout.write(`preparing the images and example packages failed:\n${(error as Error).message}\n`);
  }
}

async function main(): Promise<void> {
  // The type-check runs beside the preparation (one core each); a type error stops the suite before any test.
  const typed = typeCheck();
  process.env.WAZO_SELFTEST_SLOTS = scratchDir('wazo-selftest-slots-');
  process.env.WAZO_SELFTEST_RUNS = String(selfTestConcurrency());
  const selfTests = files.filter((file) => file.startsWith('test/'));
  const prepared = selfTests.length > 0 ? prepare() : Promise.resolve();
  const { ok, output } = await typed;
  if (!ok) {
    await prepared;
    process.stdout.write(`tsc --noEmit found type errors:\n${output}\n0 passed, 1 failed\n`);
    process.exitCode = 1;
    return;
  }
  await Promise.all([runFiles(files.filter((file) => !selfTests.includes(file)), FILES_AT_ONCE), prepared]);
  await runFiles(selfTests.filter((file) => !ALONE.includes(file)), FILES_AT_ONCE);
  await runFiles(selfTests.filter((file) => ALONE.includes(file)), 1);
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}

void main();
