// The harness's side of each measurement: its own modules, or its command as a user runs it.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { ServiceManifest } from '../support/configuration/manifest';
import { loadManifest } from '../support/configuration/manifest-loader';
import { ServiceCatalog } from '../support/configuration/service-catalog';
import type { Lab } from '../support/api';
import { PATHS } from '../support/paths';
import { installPackage } from '../support/host/package-installer';
import type { StartedWazoHost } from '../support/host/started-wazo-host';
import { dependencyLayerPrefix } from '../support/images/dependency-layer';
import { hostImageTag, NO_BUILD_CACHE } from '../support/images/host-image';
import { BatchShell } from '../support/probes/batch-shell';
import type { Shell } from '../support/probes/evidence';
import { packageStatus } from '../support/probes/packages';
import { TIMEOUTS } from '../support/runtime/timeouts';
import { describe, evaluate, type HostAssertion } from './assertions';
import { readTimeline, type ScenarioTime } from './cucumber-timeline';
import { machineBusyMs } from './machine-cpu';
import { runCommand, tail, timed } from './timing';

export interface Measured {
  ms: number;
  ok: boolean;
  detail: string;
}

/** `npm run acceptance -- ARGS` without npm's own start-up: the same entry point. */
export async function acceptance(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Measured & { stderr: string; spawnedAt: number }> {
  const cwd = options.cwd ?? PATHS.root;
  const command = ['scripts/run-compiled.js', 'support/cli/acceptance.ts', ...args];
  const spawnedAt = Date.now();
  const { ms, value } = await timed(() => runCommand(process.execPath, command, { cwd, env: options.env }));
  const summary = /^\S+: \d+ passed, \d+ failed.*$/m.exec(value.stdout)?.[0] ?? '';
  return { ms, ok: value.code === 0, detail: value.code === 0 ? summary : `exit ${value.code}: ${tail(value.stdout + value.stderr)}`, stderr: value.stderr, spawnedAt };
}

export interface PhasedRun extends Measured {
  /** One service's run split at cucumber's start and end (empty for several services). */
  phases: Record<string, number>;
  scenarios: ScenarioTime[];
  /** The machine's busy CPU time during the run (bench/machine-cpu.ts). */
  cpuMs: number;
  /** The most cucumber workers one service's run started. */
  workers: number;
}

/**
 * A run as a user types it, its reports in a directory of its own (the user's reports/ stay
 * untouched), and where its time went, from the run's own cucumber.ndjson.
 */
export async function phasedAcceptance(args: string[], services: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<PhasedRun> {
  const reports = mkdtempSync(join(tmpdir(), 'bench-reports-'));
  try {
    const busyBefore = machineBusyMs();
    const run = await acceptance([...args, '--reports-dir', reports], options);
    const cpuMs = machineBusyMs() - busyBefore;
    const timelines = services.map((service) => join(reports, service, 'cucumber.ndjson')).filter(existsSync).map(readTimeline);
    const phases: Record<string, number> = {};
    if (services.length === 1 && timelines.length === 1) {
      const [timeline] = timelines;
      phases['start-up, until cucumber runs (options, manifest, engine, images, layers)'] = timeline.started - run.spawnedAt;
      phases['cucumber (workers, hosts, scenarios)'] = timeline.finished - timeline.started;
      phases['end (reports, removal of the hosts)'] = run.spawnedAt + run.ms - timeline.finished;
    }
    return { ...run, phases, scenarios: timelines.flatMap((t) => t.scenarios), cpuMs, workers: Math.max(1, ...timelines.map((t) => t.workers)) };
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }
}

/**
 * A copy of the working tree as a fresh clone has it (no build/ nor reports/), node_modules
 * linked; with `sharedBuild`, build/ linked too (its packages, images' inputs and caches reused).
 */
function treeCopy(prefix: string, sharedBuild: boolean): string {
  const copy = mkdtempSync(join(tmpdir(), prefix));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: PATHS.root, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files.filter((f) => !f.startsWith('build/') && !f.startsWith('reports/'))) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(PATHS.root, file), join(copy, file), { dereference: false });
  }
  symlinkSync(join(PATHS.root, 'node_modules'), join(copy, 'node_modules'));
  if (sharedBuild) symlinkSync(PATHS.build, join(copy, 'build'));
  return copy;
}

/**
 * A cold run as on a fresh clone: a copy of the working tree without build/debs, whose host
 * recipe carries one extra inert file, so its image tag is new (no image to reuse) and no
 * other run on the engine uses it; built without the layer cache. The base image is reused
 * (its debootstrap is not measured). The private image is removed afterwards; the shared
 * wazo-harness/host images of other runs are never touched.
 */
export async function coldAcceptance(lab: Lab, service: string): Promise<Measured> {
  const copy = treeCopy('bench-cold-', false);
  try {
    const recipe = join(copy, 'recipes', 'host');
    writeFileSync(join(recipe, '.bench-cold-run'), `${lab.run.id} ${Date.now()}\n`);
    const run = await acceptance(['--service', service], { cwd: copy, env: { ...process.env, [NO_BUILD_CACHE]: '1' } });
    const built = /host image: building/.test(run.stderr) && /example packages: building/.test(run.stderr);
    // The copy's base recipe is the lab's: the same base image. Its host image and the
    // dependency layers built on it are the cold run's own.
    const hostTag = await hostImageTag(lab.engine.docker, lab.baseImage, 'trixie', recipe);
    const layers = await lab.engine.docker.listImages({ filters: { reference: [`${dependencyLayerPrefix(hostTag)}*`] } });
    for (const layer of layers) for (const tag of layer.RepoTags ?? []) await lab.engine.docker.getImage(tag).remove().catch(() => undefined);
    await lab.engine.docker.getImage(hostTag).remove().catch(() => undefined);
    return { ...run, ok: run.ok && built, detail: built ? run.detail : `not cold (nothing was built): ${run.detail}` };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** The shapes that join services/'s two for `--all` over four services: both pass every item. */
export const EXTRA_SERVICES = ['udp-ipv6', 'hardened-unit'] as const;

const shapeManifest = (shape: string) => join(PATHS.examples, 'shapes', shape, 'service.yml');

/** The manifests `allServices` runs: services/'s and the EXTRA_SERVICES shapes'. */
export function allServiceManifests(): string[] {
  const catalog = new ServiceCatalog(PATHS.services);
  return [...catalog.names().map((name) => catalog.manifestFile(name)), ...EXTRA_SERVICES.map(shapeManifest)];
}

/**
 * `--all --parallel N` as a user runs it, over services/ (wazo-foo, wazo-bar) or, with
 * `withShapes`, over a copy of the tree whose services/ also holds the EXTRA_SERVICES shapes'
 * manifests, sharing build/ (a warm run).
 */
export async function allServices(parallel: number, withShapes: boolean): Promise<PhasedRun & { services: string[] }> {
  const copy = withShapes ? treeCopy('bench-all-', true) : undefined;
  try {
    const services = new ServiceCatalog(PATHS.services).names();
    if (copy) {
      for (const file of EXTRA_SERVICES.map(shapeManifest)) {
        // The copy's services/ is elsewhere: its paths, relative to the shape, made absolute.
        const text = readFileSync(file, 'utf8').replace(/^(\s*(?:- )?file: )(\.\.?\/\S+)/gm, (_, key: string, path: string) => `${key}${resolve(dirname(file), path)}`);
        const { name } = loadManifest(file);
        writeFileSync(join(copy, 'services', `${name}.yml`), text);
        services.push(name);
      }
    }
    const run = await phasedAcceptance(['--all', '--parallel', String(parallel)], services, { cwd: copy });
    return { ...run, services };
  } finally {
    if (copy) rmSync(copy, { recursive: true, force: true });
  }
}

const apt = (...args: string[]) => ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', '-y', '-q', ...args];

/**
 * Install the previous version, upgrade to the current one, purge: the harness's modules on a
 * fresh host (boot and removal included, as piuparts' container start and removal are).
 */
export async function packageCycle(lab: Lab, manifest: ServiceManifest): Promise<Measured & { phases: Record<string, number> }> {
  const previous = manifest.package.previous!;
  const phases: Record<string, number> = {};
  const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const { ms, value } = await timed(work);
    phases[name] = ms;
    return value;
  };
  // As in a run: the host of the previous version boots with its dependencies from Debian in
  // place (the layer is built before the clock starts, as a warm run finds it).
  const image = await lab.packageImage(previous.file, manifest.unit);
  const started = Date.now();
  const host = await phase('boot', () => lab.boot('package-cycle', image));
  try {
    const old = await phase('install previous', () => installPackage(host, previous.file));
    const upgrade = await phase('upgrade', () => installPackage(host, manifest.package.file));
    const upgraded = await packageStatus(host, manifest.package.name);
    const purge = await phase('purge', () => host.run(apt('purge', manifest.package.name)));
    const purged = await packageStatus(host, manifest.package.name);
    const failures = [
      old.apt.exitCode !== 0 && `install of ${previous.version} exited ${old.apt.exitCode}`,
      upgrade.apt.exitCode !== 0 && `upgrade exited ${upgrade.apt.exitCode}`,
      upgraded.value.version !== manifest.package.version && `after the upgrade dpkg says ${upgraded.value.version}`,
      purge.exitCode !== 0 && `purge exited ${purge.exitCode}`,
      purged.value.status !== undefined && !/not-installed/.test(purged.value.status) && `after the purge dpkg says ${purged.value.status}`,
    ].filter(Boolean);
    await phase('remove', () => host.remove());
    return { ms: Date.now() - started, ok: failures.length === 0, detail: failures.join('; '), phases };
  } finally {
    await host.remove();
  }
}

export interface AssertionRun extends Measured {
  passed: number;
  failed: string[];
  /** How many docker execs the assertions took. */
  execs: number;
}

/** The ways the harness can run the 100 assertions: one exec each, in turn or all at once, or batched. */
export const ASSERTION_MODES = ['one exec each, in turn', 'one exec each, concurrently', 'batched (BatchShell)'] as const;
export type AssertionMode = (typeof ASSERTION_MODES)[number];

export async function harnessAssertions(host: StartedWazoHost, assertions: HostAssertion[], mode: AssertionMode): Promise<AssertionRun> {
  let execs = 0;
  const counting: Shell = { run: (command, options) => (execs++, host.run(command, options)) };
  const batch = new BatchShell(counting);
  const { ms, value } = await timed(async () => {
    if (mode === 'one exec each, in turn') {
      const verdicts = [];
      for (const a of assertions) verdicts.push(await evaluate(counting, a));
      return verdicts;
    }
    return Promise.all(assertions.map((a) => evaluate(mode === 'batched (BatchShell)' ? batch : counting, a)));
  });
  const failed = assertions.filter((_, i) => !value[i].holds).map(describe);
  const withEvidence = value.every((v) => v.evidence.length > 0 && v.evidence.every((e) => e.exitCode >= 0));
  return { ms, ok: failed.length === 0 && withEvidence, passed: assertions.length - failed.length, failed, execs, detail: withEvidence ? '' : 'a verdict without evidence' };
}

/** Container start until systemd is running (or degraded); then a clean reboot until the same. */
export async function bootAndReboot(lab: Lab): Promise<{ boot: number; reboot: number }> {
  const boot = await timed(() => lab.boot('boot'));
  try {
    const reboot = await timed(() => boot.value.reboot(TIMEOUTS.shutdown));
    return { boot: boot.ms, reboot: reboot.ms };
  } finally {
    await boot.value.remove();
  }
}
