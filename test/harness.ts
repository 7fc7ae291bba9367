// Helpers for the self-tests: run the harness as a user would, and look for leftovers.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { buildImages, Lab } from '../support/api';
import { loadManifest } from '../support/configuration/manifest-loader';
import { LABEL, processAlive, runOfDir } from '../support/docker/run-labels';
import { PATHS } from '../support/paths';
import { quietProgress } from '../support/progress';
import { withRunSlot } from './run-slots';

export const ROOT = PATHS.root;

export interface HarnessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run acceptance -- ARGS`, without npm's banner: the same entry point and flags. */
export function runAcceptance(args: string[], env: Record<string, string> = {}): Promise<HarnessRun> {
  return withRunSlot(() => new Promise<HarnessRun>((resolve) => {
    const child = spawn(process.execPath, ['scripts/run-compiled.js', 'support/cli/acceptance.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  }));
}

/** Set by test/run-tests.ts once the images and example packages are built. */
export const PREPARED = 'WAZO_SELFTEST_PREPARED';

/**
 * The example packages are built on first use by a run of an example service; runs given an
 * explicit --package (the broken and fault examples) check that file at once, before any
 * build. They are prepared first, with the images, through the API as a run prepares them;
 * then the CLI's JavaScript is emitted once (`--version` starts nothing), so that the runs
 * the files start side by side do not each compile it.
 */
export async function buildExamplePackages(): Promise<void> {
  // test/run-tests.ts builds them once before it starts the test files side by side.
  if (process.env[PREPARED] === '1') return;
  await buildImages('trixie', quietProgress, true).catch((error: Error) => {
    throw new Error(`building the images and example packages failed: ${error.message}`);
  });
  await buildWazoFooLayer().catch((error: Error) => {
    throw new Error(`building wazo-foo's dependency layer failed: ${error.message}`);
  });
  const compiled = await runAcceptance(['--version']);
  if (compiled.code !== 0) throw new Error(`compiling the CLI (npm run acceptance -- --version) failed:\n${compiled.stdout}\n${compiled.stderr}`);
}

/**
 * Nearly every example has wazo-foo's dependencies: their layer is built here once, rather than
 * by the first examples at the same time (the engine would build it once per run asking).
 */
async function buildWazoFooLayer(): Promise<void> {
  const lab = await Lab.open('trixie', quietProgress);
  try {
    const manifest = loadManifest(join(PATHS.services, 'wazo-foo.yml'));
    for (const file of [manifest.package.file, manifest.package.previous?.file]) if (file) await lab.packageImage(file, manifest.unit);
  } finally {
    await lab.close();
  }
}

/** The run directories (support/docker/run-labels.ts) of runs whose process is gone. */
function runDirsOfEndedRuns(): string[] {
  return readdirSync(tmpdir())
    .filter((name) => {
      const run = runOfDir(name);
      return run !== undefined && !processAlive(run.pid);
    })
    .map((name) => `directory ${join(tmpdir(), name)}`);
}

/**
 * Containers, networks, volumes and temporary directories of harness runs that have ended:
 * none may survive its run. Runs still going (another test process on the same engine) are
 * not leftovers.
 */
export async function harnessLeftovers(): Promise<string[]> {
  const docker = new Docker();
  const filters = { label: [LABEL.harness] };
  // A host kept on purpose (--keep, --keep-on-failure, e.g. by a developer on the same engine) is not a leak.
  const ended = (labels?: Record<string, string> | null) =>
    labels?.[LABEL.run] !== undefined && labels[LABEL.keep] !== 'true' && !processAlive(Number(labels[LABEL.pid]));
  const containers = await docker.listContainers({ all: true, filters });
  const networks = await docker.listNetworks({ filters });
  const { Volumes } = await docker.listVolumes({ filters });
  return [
    ...containers.filter((c) => ended(c.Labels)).map((c) => `container ${c.Names.join(',')}`),
    ...networks.filter((n) => ended(n.Labels)).map((n) => `network ${n.Name}`),
    ...(Volumes ?? []).filter((v) => ended(v.Labels)).map((v) => `volume ${v.Name}`),
    ...runDirsOfEndedRuns(),
  ];
}

/**
 * The examples' runs use one cucumber worker: several examples run at once on a 2-core
 * machine, CPU-bound, and a second worker per run costs a process and its start more than it
 * gains. Measured 2026-12-01, six broken examples: 2 workers and 3 at once 125 s and 231 CPU-s,
 * 1 worker and 4 at once 102 s and 184 CPU-s.
 */
export const EXAMPLE_WORKERS = ['--workers', '1'];

/**
 * How many harness runs the self-tests start at once (test/run-slots.ts), and how many examples
 * a test file starts at once: their time is partly waiting on hosts (boots, monit cycles), but
 * on a 2-core machine they are mostly CPU-bound, so more at once gains little
 * (WAZO_SELFTEST_CONCURRENCY sets it).
 */
export function selfTestConcurrency(): number {
  const wanted = Number(process.env.WAZO_SELFTEST_CONCURRENCY ?? 4);
  return Number.isInteger(wanted) && wanted >= 1 ? wanted : 1;
}

/** The one line per checked item the harness prints: "PASS  @user  The service ...". */
export function verdicts(stdout: string): Array<{ verdict: string; area: string; name: string }> {
  return [...stdout.matchAll(/^(PASS|FAIL|N\/A|BLOCKED|ENVIRONMENT)\s+(@\S+)\s+(.+)$/gm)].map(([, verdict, area, name]) => ({
    verdict,
    area,
    name: name.trim(),
  }));
}
