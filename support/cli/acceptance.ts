// The `npm run acceptance` command: options -> manifest -> images -> cucumber run -> exit code.
process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true'; // Ryuk cannot be pulled here; labels + the janitor clean up instead.

import { join, resolve } from 'node:path';
import { displayPath } from '../display-path';
import type { ServiceManifest } from '../configuration/manifest';
import { loadManifest } from '../configuration/manifest-loader';
import { assertDebianPackage } from '../configuration/package-file';
import { assertPackageIdentity, assertPackageIdentityLocally, hasLocalDpkgDeb } from '../configuration/package-preflight';
import { readPackageContents } from '../configuration/package-contents';
import { withPidFileFromUnit } from '../configuration/pid-file-from-unit';
import { ServiceCatalog } from '../configuration/service-catalog';
import { assertDocsSite } from '../docs/docs-site';
import { connectEngine, type Engine } from '../docker/engine';
import { removeRunResources, removeRunResourcesSettled, type Leftovers } from '../docker/janitor';
import { newRunIdentity, type RunIdentity } from '../docker/run-labels';
import { ExitCode, isHarnessError } from '../errors';
import { resolveBaseImage } from '../images/base-image';
import { isInterrupted, markInterrupted, undoAll } from '../interrupts';
import { ensureExamplePackages } from '../images/example-packages';
import { ensureDependencyLayer } from '../images/dependency-layer';
import { ensureHostImage } from '../images/host-image';
import { stderrProgress, type Progress } from '../progress';
import { PROJECT_ROOT } from '../project-root';
import { packageRecord } from '../configuration/package-record';
import type { KeepHosts, RunParameters } from '../runtime/run-parameters';
import { TIMEOUT_SCALE_VARIABLE, timeoutScale } from '../runtime/timeouts';
import { checkServices, overallExitCode } from './all-services';
import { assertTagExpression, plannedScenarios, type PlannedScenario } from './feature-plan';
import { keepsHosts, keptHosts, keptHostsNotice } from './kept-hosts';
import { listPlan } from './list-plan';
import { parseOptions, shardOf, type AcceptanceOptions } from './options';
import { runFeatures } from './run-features';

const ROOT = PROJECT_ROOT;
const PATHS = {
  services: join(ROOT, 'services'),
  baseRecipe: join(ROOT, 'recipes', 'base'),
  hostRecipe: join(ROOT, 'recipes', 'host'),
  dependenciesRecipe: join(ROOT, 'recipes', 'dependencies'),
  examples: join(ROOT, 'examples'),
  exampleDebs: join(ROOT, 'build', 'debs'),
  packageNames: join(ROOT, 'build', 'package-names'),
  guidelines: join(ROOT, 'docs', 'new-service-guidelines.md'),
};

function selectManifest(options: AcceptanceOptions): ServiceManifest {
  const file = options.manifest ? resolve(options.manifest) : new ServiceCatalog(PATHS.services).manifestFile(options.service!);
  const manifest = loadManifest(file);
  // An explicit package replaces the manifest's current one.
  if (options.package) manifest.package = { ...manifest.package, file: resolve(options.package) };
  return manifest;
}

interface PackageFile {
  file: string;
  role: 'current' | 'previous';
  /** Built by the project with the images (an example's package): it exists only after them. */
  builtWithImages: boolean;
  /** What to do when the file is not there: fetch it, when the manifest takes it from its repositories. */
  whenMissing?: string;
}

function packageFiles(manifest: ServiceManifest, explicitPackage: boolean): PackageFile[] {
  const { builtFrom, previous } = manifest.package;
  const examples = builtFrom === 'examples';
  const fetch = builtFrom === 'repositories' ? `fetch it from the manifest's repositories first: npm run fetch-package -- --manifest ${displayPath(manifest.source)}` : undefined;
  return [
    { file: manifest.package.file, role: 'current', builtWithImages: examples && !explicitPackage, whenMissing: explicitPackage ? undefined : fetch },
    ...(previous ? [{ file: previous.file, role: 'previous' as const, builtWithImages: examples, whenMissing: fetch }] : []),
  ];
}

/**
 * Package files read on this machine: the ar structure in JavaScript, the content and name
 * with dpkg-deb where it is installed. Returns those whose content and name are still to be
 * read (in a container of the base image, once there is one).
 */
function assertPackagesHere(packages: PackageFile[], name: string): PackageFile[] {
  const local = hasLocalDpkgDeb();
  for (const { file, role, whenMissing } of packages) {
    assertDebianPackage(file, role, whenMissing);
    if (local) assertPackageIdentityLocally(file, name);
  }
  return local ? [] : packages;
}

/** The base and host images, and the example packages when a manifest names them. */
async function prepareImages(engine: Engine, suite: string, manifests: ServiceManifest[], run: RunIdentity, progress: Progress): Promise<{ base: string; host: string }> {
  const base = await resolveBaseImage(engine.docker, suite, PATHS.baseRecipe, progress);
  const host = await ensureHostImage(engine.docker, base, suite, PATHS.hostRecipe, progress);
  if (manifests.some((m) => m.package.builtFrom === 'examples')) {
    await ensureExamplePackages(engine.docker, base, PATHS.examples, PATHS.exampleDebs, run, progress);
  }
  return { base, host };
}

/**
 * After the images: the packages the project builds itself (they exist only now), and what no
 * dpkg-deb on this machine could read, read in a container of the base image.
 */
async function preflightPackages(engine: Engine, baseImage: string, manifest: ServiceManifest, pending: PackageFile[], run: RunIdentity): Promise<void> {
  const built = pending.filter((p) => p.builtWithImages);
  const unread = [...assertPackagesHere(built, manifest.package.name), ...pending.filter((p) => !p.builtWithImages)];
  for (const { file } of unread) {
    await assertPackageIdentity(engine.docker, baseImage, run, file, manifest.package.name, PATHS.packageNames);
  }
}

/**
 * What the run learns from the packages before any host boots: what the manifest leaves to the
 * unit (its PID file), and for each package file the image its hosts boot from, with that
 * file's own dependencies from Debian (so that a Depends the current version forgets is not
 * hidden by the previous version's).
 */
async function readPackagesForTheirHosts(
  engine: Engine,
  baseImage: string,
  hostImage: string,
  manifest: ServiceManifest,
  run: RunIdentity,
  progress: Progress,
): Promise<{ checked: ServiceManifest; images: { current: string; previous?: string } }> {
  const imageFor = async (file: string) => {
    const contents = await readPackageContents(engine.docker, baseImage, run, file, manifest.unit);
    const layer = await ensureDependencyLayer(engine.docker, hostImage, PATHS.dependenciesRecipe, contents.dependencies, progress);
    if (layer.unsatisfiable) {
      progress.step(`dependency layer of ${displayPath(file)}: none, apt cannot satisfy its dependencies (its install will say why)`);
      progress.detail(layer.unsatisfiable);
    }
    return { contents, image: layer.image };
  };
  const current = await imageFor(manifest.package.file);
  const previous = manifest.package.previous ? await imageFor(manifest.package.previous.file) : undefined;
  return { checked: withPidFileFromUnit(manifest, current.contents), images: { current: current.image, ...(previous ? { previous: previous.image } : {}) } };
}

/**
 * Ctrl-C or SIGTERM at any point: undo what is on the machine, remove this run's containers,
 * exit. Returns how to hand signals over to someone else (the per-service runs of --all).
 */
function removeOnInterrupt(engine: Engine, run: RunIdentity): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (!markInterrupted()) return;
    process.stderr.write(`\n${signal}: stopping; removing the containers of run ${run.id}...\n`);
    undoAll();
    removeRunResourcesSettled(engine.docker, run.id)
      .catch(() => undefined)
      .finally(() => process.exit(signal === 'SIGINT' ? ExitCode.interrupted : ExitCode.terminated));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

/** One service, before any engine: its manifest and the scenarios its filters select. */
function planOneService(options: AcceptanceOptions): { manifest: ServiceManifest; planned: PlannedScenario[] } {
  const manifest = selectManifest(options);
  return { manifest, planned: plannedScenarios(ROOT, { service: manifest.name, tags: options.tags, names: options.name, docs: options.docs !== undefined }) };
}

/** The package files that exist now, checked before any engine; returns those to check once the images exist. */
function checkPackagesNow(manifest: ServiceManifest, options: AcceptanceOptions): PackageFile[] {
  const packages = packageFiles(manifest, options.package !== undefined);
  return [...assertPackagesHere(packages.filter((p) => !p.builtWithImages), manifest.package.name), ...packages.filter((p) => p.builtWithImages)];
}

/** One service: images, a host per scenario or feature, its reports. */
async function checkOneService(engine: Engine, options: AcceptanceOptions, manifest: ServiceManifest, planned: PlannedScenario[], pending: PackageFile[]): Promise<number> {
  const run = newRunIdentity();
  removeOnInterrupt(engine, run);
  const progress = stderrProgress(options.verbose);
  const { base, host: hostImage } = await prepareImages(engine, options.debian, [manifest], run, progress);
  await preflightPackages(engine, base, manifest, pending, run);
  const { checked, images } = await readPackagesForTheirHosts(engine, base, hostImage, manifest, run, progress);
  progress.step(`checking ${manifest.name} (${manifest.package.file}) on ${images.current}, cgroup v${engine.cgroupVersion}`);
  const keep: KeepHosts = options.keep ? 'always' : options.keepOnFailure ? 'on-failure' : 'never';
  const parameters: RunParameters = {
    manifest: checked,
    package: packageRecord(manifest.package.file, manifest.package.version),
    hostImage: images.current,
    ...(images.previous ? { previousHostImage: images.previous } : {}),
    cgroupVersion: engine.cgroupVersion,
    run,
    keep,
    ...(options.docs ? { docs: options.docs } : {}),
  };
  let exitCode: number | undefined;
  try {
    exitCode = await runFeatures(parameters, options, planned, { root: ROOT, reports: options.reportsDir, guidelines: PATHS.guidelines });
    return exitCode;
  } finally {
    if (keepsHosts(keep, exitCode)) process.stderr.write(keptHostsNotice(await keptHosts(engine.docker, run), run));
    else await removeRunResources(engine.docker, { runId: run.id });
  }
}

/** Every service of the shard, before any engine: their manifests and the filters. */
function validateAllServices(options: AcceptanceOptions): ServiceManifest[] {
  if (options.tags !== undefined) assertTagExpression(options.tags);
  const catalog = new ServiceCatalog(PATHS.services);
  return shardOf(catalog.names(), options.shard).map((name) => loadManifest(catalog.manifestFile(name)));
}

/** Every service (or a shard of them): images are prepared once, then one run per service. */
async function checkAllServices(engine: Engine, options: AcceptanceOptions, manifests: ServiceManifest[]): Promise<number> {
  const services = manifests.map((m) => m.name);
  const run = newRunIdentity();
  const handOver = removeOnInterrupt(engine, run);
  const progress = stderrProgress(options.verbose);
  await prepareImages(engine, options.debian, manifests, run, progress);
  handOver(); // from here each service's run handles the signals it is passed
  progress.step(`checking ${services.join(', ')} (${options.parallel} at a time)`);
  const outcomes = await checkServices(__filename, services, options);
  // In JSON each service's own `run` object already says its exit code; the summary is for people.
  if (options.format === 'text') process.stdout.write(`\n${outcomes.map((o) => `${o.service}: exit ${o.code}, report ${join(options.reportsDir, o.service, 'compliance.md')}`).join('\n')}\n`);
  return overallExitCode(outcomes);
}

/**
 * The engine, after the janitor removed what ended runs left on it: at the start of a run,
 * every leftover but the hosts kept on purpose; with --cleanup, those too (or one run's).
 */
async function cleanEngine(which?: Leftovers): Promise<Engine> {
  const engine = await connectEngine();
  const stale = await removeRunResources(engine.docker, which);
  const left = [...stale.containers, ...stale.directories];
  if (left.length > 0) process.stderr.write(`removed leftovers of ended runs: ${left.join(', ')}\n`);
  return engine;
}

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (!options) return ExitCode.passed;
  // The option is passed on as the variable: the cucumber workers and --all's runs inherit it.
  if (options.timeoutScale !== undefined) process.env[TIMEOUT_SCALE_VARIABLE] = String(options.timeoutScale);
  timeoutScale(); // a bad WAZO_ACCEPTANCE_TIMEOUT_SCALE is a usage error now, not in a step
  if (options.cleanup) {
    await cleanEngine(options.cleanupRun ? { runId: options.cleanupRun } : { ended: true, kept: true });
    return ExitCode.passed;
  }
  // Everything the user gave is validated before the engine is asked for anything: bad input
  // is answered the same with or without a Docker Engine.
  if (options.docs !== undefined) assertDocsSite(options.docs);
  if (options.all) {
    const manifests = validateAllServices(options);
    if (manifests.length === 0) {
      process.stdout.write(`no service in shard ${options.shard?.index}/${options.shard?.total}: nothing to check\n`);
      return ExitCode.passed;
    }
    return checkAllServices(await cleanEngine(), options, manifests);
  }
  const { manifest, planned } = planOneService(options);
  if (options.list) {
    process.stdout.write(listPlan(manifest, planned, PATHS.guidelines));
    return ExitCode.passed;
  }
  const pending = checkPackagesNow(manifest, options);
  return checkOneService(await cleanEngine(), options, manifest, planned, pending);
}

// `npm run acceptance -- --help | head` closes stdout early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    if (!isInterrupted()) process.exit(code);
  },
  (error: unknown) => {
    // Work torn down by an interruption fails in its own way: the signal handler reports and exits.
    if (isInterrupted()) return;
    if (isHarnessError(error)) {
      process.stderr.write(`${error.message}\n`);
      process.exit(ExitCode.usage);
    }
    process.stderr.write(`internal error (please report it): ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(ExitCode.usage);
  },
);

