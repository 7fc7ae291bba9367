// The harness's side of each measurement: its own modules, or its command as a user runs it.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ServiceManifest } from '../support/configuration/manifest';
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
import { runCommand, tail, timed } from './timing';

export interface Measured {
  ms: number;
  ok: boolean;
  detail: string;
}

/** `npm run acceptance -- ARGS` without npm's own start-up: the same entry point. */
export async function acceptance(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Measured & { stderr: string }> {
  const cwd = options.cwd ?? PATHS.root;
  const command = ['scripts/run-compiled.js', 'support/cli/acceptance.ts', ...args];
  const { ms, value } = await timed(() => runCommand(process.execPath, command, { cwd, env: options.env }));
  const summary = /^\S+: \d+ passed, \d+ failed.*$/m.exec(value.stdout)?.[0] ?? '';
  return { ms, ok: value.code === 0, detail: value.code === 0 ? summary : `exit ${value.code}: ${tail(value.stdout + value.stderr)}`, stderr: value.stderr };
}

/**
 * A cold run as on a fresh clone: a copy of the working tree without build/debs, whose host
 * recipe carries one extra inert file, so its image tag is new (no image to reuse) and no
 * other run on the engine uses it; built without the layer cache. The base image is reused
 * (its debootstrap is not measured). The private image is removed afterwards; the shared
 * wazo-harness/host images of other runs are never touched.
 */
export async function coldAcceptance(lab: Lab, service: string): Promise<Measured> {
  const copy = mkdtempSync(join(tmpdir(), 'bench-cold-'));
  try {
    const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: PATHS.root, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const file of files.filter((f) => !f.startsWith('build/') && !f.startsWith('reports/'))) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      cpSync(join(PATHS.root, file), join(copy, file), { dereference: false });
    }
    symlinkSync(join(PATHS.root, 'node_modules'), join(copy, 'node_modules'));
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
