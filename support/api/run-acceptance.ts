// One acceptance run, as `npm run acceptance` makes it: manifest -> packages -> images ->
// cucumber -> verdicts, and the run's containers removed (unless kept). The CLI, and whoever
// else runs the checks in-process, call runAcceptance; its result says the exit code and why.
import { join } from 'node:path';
import type { Engine } from '../docker/engine';
import { removeRunResources } from '../docker/janitor';
import { newRunIdentity, type RunIdentity } from '../docker/run-labels';
import { ExitCode } from '../errors';
import { PATHS } from '../paths';
import { stderrProgress } from '../progress';
import type { ServiceManifest } from '../configuration/manifest';
import { packageRecord } from '../configuration/package-record';
import { previousRecord, resolvePreviousPackage, type PreviousOrigin } from '../configuration/previous-package';
import type { KeepHosts, RunParameters } from '../runtime/run-parameters';
import { TIMEOUT_SCALE_VARIABLE, timeoutScale } from '../runtime/timeouts';
import type { AcceptanceOptions } from './acceptance-options';
import { checkServices, overallExitCode } from './all-services';
import { cleanEngine } from './engine';
import { exampleTarget } from '../images/example-packages';
import { prepareImages, type ExampleBuild } from './images';
import { removeOnInterrupt } from './interrupt-cleanup';
import { keepsHosts, keptHosts, keptHostsNotice } from './kept-hosts';
import { checkPackagesAfterImages, checkPackagesNow, type PackageFile } from './package-checks';
import { packageHosts } from './package-hosts';
import { planAllServices, planService, type ServicePlan } from './plan';
import { runFeatures, type ServiceResult } from './run-features';

export interface AcceptanceResult {
  /** The process's exit code: the worst of the services' (README, "Exit codes"). */
  exitCode: number;
  /** Why: the services' verdicts, or a shard with no service (exit 0, nothing checked). */
  reason: 'verdicts' | 'nothing to check';
  services: ServiceResult[];
}

export interface AcceptanceCommand {
  /** The command checking one service, started once per service by --all (the CLI's entry point). */
  serviceCommand: string;
}

/**
 * --timeout-scale is passed on as the variable (the cucumber workers and --all's runs inherit
 * it); a bad WAZO_ACCEPTANCE_TIMEOUT_SCALE is a usage error now, not in a step.
 */
export function applyTimeoutScale(options: Pick<AcceptanceOptions, 'timeoutScale'>): void {
  if (options.timeoutScale !== undefined) process.env[TIMEOUT_SCALE_VARIABLE] = String(options.timeoutScale);
  timeoutScale();
}

/** The example packages the manifests name, built in this run's containers; none when they name none. */
function exampleBuild(manifests: ServiceManifest[], run: RunIdentity): ExampleBuild | undefined {
  const files = manifests.filter((m) => m.package.builtFrom === 'examples').flatMap(({ package: p }) => [p.file, ...(p.previous?.from === 'file' ? [p.previous.file] : [])]);
  const targets = [...new Set(files.map((file) => exampleTarget(file, PATHS.exampleDebs)).filter((t): t is string => t !== undefined))];
  return targets.length > 0 ? { run, targets } : undefined;
}

/** One service: images, a host per scenario or feature, its reports. */
async function checkOneService(engine: Engine, options: AcceptanceOptions, { manifest, planned }: ServicePlan, pending: PackageFile[], previousOrigin: PreviousOrigin | undefined): Promise<ServiceResult> {
  const run = newRunIdentity();
  removeOnInterrupt(engine, run);
  const progress = stderrProgress(options.verbose);
  const { base, host: hostImage } = await prepareImages(engine.docker, options.debian, progress, exampleBuild([manifest], run));
  await checkPackagesAfterImages(engine.docker, base, manifest, pending, run);
  const { checked, images } = await packageHosts(engine.docker, base, hostImage, manifest, run, progress);
  progress.step(`checking ${manifest.name} (${manifest.package.file}) on ${images.current}, cgroup v${engine.cgroupVersion}`);
  const previous = previousRecord(manifest, previousOrigin);
  const keep: KeepHosts = options.keep ? 'always' : options.keepOnFailure ? 'on-failure' : 'never';
  const parameters: RunParameters = {
    manifest: checked,
    package: packageRecord(manifest.package.file, manifest.package.version),
    ...(previous ? { previous } : {}),
    hostImage: images.current,
    ...(images.previous ? { previousHostImage: images.previous } : {}),
    cgroupVersion: engine.cgroupVersion,
    run,
    keep,
    ...(options.docs ? { docs: options.docs } : {}),
  };
  let exitCode: number | undefined;
  try {
    const result = await runFeatures(parameters, options, planned, { root: PATHS.root, reports: options.reportsDir, guidelines: PATHS.guidelines });
    exitCode = result.exitCode;
    return result;
  } finally {
    if (keepsHosts(keep, exitCode)) process.stderr.write(keptHostsNotice(await keptHosts(engine.docker, run), run));
    else await removeRunResources(engine.docker, { runId: run.id });
  }
}

/** Every service (or a shard of them): images are prepared once, then one run per service. */
async function checkAllServices(engine: Engine, options: AcceptanceOptions, command: AcceptanceCommand, manifests: ServiceManifest[]): Promise<ServiceResult[]> {
  const services = manifests.map((m) => m.name);
  const run = newRunIdentity();
  const handOver = removeOnInterrupt(engine, run);
  const progress = stderrProgress(options.verbose);
  await prepareImages(engine.docker, options.debian, progress, exampleBuild(manifests, run));
  handOver(); // from here each service's run handles the signals it is passed
  progress.step(`checking ${services.join(', ')} (${options.parallel} at a time)`);
  const outcomes = await checkServices(command.serviceCommand, services, options);
  // In JSON each service's own `run` object already says its exit code; the summary is for people.
  if (options.format === 'text') process.stdout.write(`\n${outcomes.map((o) => `${o.service}: exit ${o.exitCode}, report ${join(o.reports, 'compliance.md')}`).join('\n')}\n`);
  return outcomes;
}

/**
 * Checks one service (--service, --manifest) or every service of a shard (--all). Everything
 * the options name is validated before the engine is asked for anything: bad input is
 * answered the same with or without a Docker Engine (a HarnessError, exit 2).
 */
export async function runAcceptance(options: AcceptanceOptions, command: AcceptanceCommand): Promise<AcceptanceResult> {
  applyTimeoutScale(options);
  if (options.all) {
    const manifests = planAllServices(options);
    if (manifests.length === 0) {
      process.stdout.write(`no service in shard ${options.shard?.index}/${options.shard?.total}: nothing to check\n`);
      return { exitCode: ExitCode.passed, reason: 'nothing to check', services: [] };
    }
    const services = await checkAllServices(await cleanEngine(), options, command, manifests);
    return { exitCode: overallExitCode(services), reason: 'verdicts', services };
  }
  const plan = planService(options);
  // Before the package checks and any engine: a previous version apt downloads is a file from here on.
  const previous = resolvePreviousPackage(plan.manifest, options.debian, stderrProgress(options.verbose).step);
  const pending = checkPackagesNow(plan.manifest, options.package !== undefined);
  const service = await checkOneService(await cleanEngine(), options, plan, pending, previous);
  return { exitCode: service.exitCode, reason: 'verdicts', services: [service] };
}
