// `npm run bench`: the harness side by side with piuparts and testinfra, interleaved, on the
// same package and machine; medians over --runs rounds, written to bench/results.md.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { loadManifest } from '../support/configuration/manifest-loader';
import { Lab } from '../support/api';
import { PATHS } from '../support/paths';
import { installPackage } from '../support/host/package-installer';
import type { StartedWazoHost } from '../support/host/started-wazo-host';
import { serviceWaits } from '../support/runtime/service-waits';
import { HOST_ASSERTIONS } from './assertions';
import { allServiceManifests, allServices, ASSERTION_MODES, bootAndReboot, coldAcceptance, harnessAssertions, packageCycle, phasedAcceptance, type PhasedRun } from './harness-side';
import { EngineNeighbours } from './engine-neighbours';
import { OnePackageArchive } from '../test/one-package-archive';
import { PIUPARTS_IGNORED, piupartsUpgrade, testinfraAssertions } from './peers';
import { AREAS, CPU_LABEL, PARALLEL_RUNS, Results } from './results';
import { describeRepeat, repeatVerdicts } from './verdict-repeats';

const SECTIONS = ['cold', 'warm', 'area', 'parallel', 'host', 'package', 'assertions', 'repeat'] as const;
type Section = (typeof SECTIONS)[number];

function parse(argv: string[]): { runs: number; only: Section[]; output: string; repeatRuns: number } {
  const positive = (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number >= 1');
    return n;
  };
  const sections = (value: string) => {
    const names = value.split(',');
    const unknown = names.filter((n) => !SECTIONS.includes(n as Section));
    if (unknown.length > 0) throw new InvalidArgumentError(`unknown section ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}`);
    return names as Section[];
  };
  const program = new Command('npm run bench --')
    .option('--runs <n>', 'rounds; each measurement is taken once per round, peers interleaved', positive, 3)
    .option('--repeat-runs <n>', 'repeat: warm runs in a row whose verdict tables must all be run 1\'s', positive, 20)
    .option('--only <sections>', `comma-separated subset of ${SECTIONS.join(',')}`, sections, [...SECTIONS])
    .option('--output <file>', 'where to write the results', join(PATHS.root, 'bench', 'results.md'))
    .parse(argv, { from: 'user' });
  return program.opts();
}

const say = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  const manifest = loadManifest(join(PATHS.services, 'wazo-foo.yml'));
  const lab = await Lab.open('trixie', { step: say, detail: () => undefined });
  const archive = options.only.includes('package') ? await OnePackageArchive.serve(manifest.package.previous!.file) : undefined;
  let assertionHost: StartedWazoHost | undefined;
  const cleanUp = async () => {
    await archive?.close();
    await lab.close();
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
  process.once('SIGTERM', () => void cleanUp().finally(() => process.exit(143)));
  const results = new Results(options.runs, versions(lab));
  const neighbours = new EngineNeighbours(lab.engine.docker, lab.baseImage);
  // A run of one service, its phases and scenarios kept beside its total.
  const record = (section: string, label: string, run: PhasedRun) => {
    results.add(section, label, run);
    for (const [phase, ms] of Object.entries(run.phases)) results.add(`${section}-phases`, `${label}: ${phase}`, { ms, ok: run.ok, detail: '' });
    results.add(`${section}-phases`, `${label}: ${CPU_LABEL}`, { ms: run.cpuMs, ok: run.ok, detail: '' });
    results.noteWorkers(section, run.workers);
    for (const scenario of run.scenarios) results.addScenario(section, scenario, run.ok);
  };
  try {
    if (options.only.includes('assertions')) {
      assertionHost = await lab.boot('assertions', await lab.packageImage(manifest.package.file, manifest.unit));
      await installPackage(assertionHost, manifest.package.file);
      await serviceWaits.ready(manifest).waitUntilReady(assertionHost);
    }
    if (options.only.includes('parallel')) {
      // As a warm run finds them: every service's dependency layers, built before any clock starts.
      for (const file of allServiceManifests()) {
        const { package: pkg, unit } = loadManifest(file);
        for (const deb of [pkg.file, ...(pkg.previous ? [pkg.previous.file] : [])]) await lab.packageImage(deb, unit);
      }
    }
    for (let round = 1; round <= options.runs; round++) {
      // Which side goes first alternates, so that neither always finds the machine warmer.
      const harnessFirst = round % 2 === 1;
      const pair = async (first: () => Promise<void>, second: () => Promise<void>) => {
        for (const step of harnessFirst ? [first, second] : [second, first]) await step();
      };
      say(`round ${round}/${options.runs}`);
      if (options.only.includes('cold')) {
        say('cold full checklist (fresh copy, no host image, no layer cache)');
        results.add('cold', 'harness: cold full checklist', await coldAcceptance(lab, manifest.name));
      }
      if (options.only.includes('warm')) {
        say('warm full checklist');
        record('warm', 'harness: warm full checklist', await phasedAcceptance(['--service', manifest.name], [manifest.name]));
      }
      if (options.only.includes('area')) {
        for (const tags of AREAS) {
          say(`one area: --tags ${tags}`);
          record('area', `harness: --tags ${tags}`, await phasedAcceptance(['--service', manifest.name, '--tags', tags], [manifest.name]));
        }
      }
      // Several services take minutes a run: measured in the first round only.
      if (options.only.includes('parallel') && round === 1) {
        for (const { parallel, withShapes } of PARALLEL_RUNS) {
          say(`--all --parallel ${parallel}${withShapes ? ' over four services' : ''}`);
          const run = await allServices(parallel, withShapes);
          results.add('parallel', `${run.services.length} services (${run.services.join(', ')}), --parallel ${parallel}`, run);
        }
      }
      if (options.only.includes('host')) {
        say('boot and reboot');
        const { boot, reboot } = await bootAndReboot(lab);
        results.add('host', 'boot to ready (start until systemd running)', { ms: boot, ok: true, detail: '' });
        results.add('host', 'reboot to ready (StartedWazoHost.reboot())', { ms: reboot, ok: true, detail: '' });
      }
      if (archive) {
        await pair(
          async () => {
            say('install/upgrade/purge: harness');
            const cycle = await packageCycle(lab, manifest);
            results.add('package', 'harness', cycle);
            for (const [phase, ms] of Object.entries(cycle.phases)) results.add('package-phases', phase, { ms, ok: true, detail: '' });
          },
          async () => {
            say('install/upgrade/purge: piuparts');
            results.add('package', 'piuparts', await piupartsUpgrade(lab.baseImage, manifest.package.file, archive, lab.run));
          },
        );
      }
      if (assertionHost) {
        const host = assertionHost;
        await pair(
          async () => {
            for (const mode of ASSERTION_MODES) {
              say(`100 assertions: harness, ${mode}`);
              results.add('assertions', `harness: ${mode}`, await harnessAssertions(host, HOST_ASSERTIONS, mode));
            }
          },
          async () => {
            say('100 assertions: testinfra');
            results.add('assertions', 'testinfra (pytest, docker backend)', await testinfraAssertions(host.name, HOST_ASSERTIONS));
          },
        );
      }
    }
    if (options.only.includes('repeat')) {
      // Issue 14's no-flake gate, after the rounds: their warm runs are interleaved with other work.
      say(`${options.repeatRuns} warm runs in a row, each verdict table compared with run 1's`);
      await repeatVerdicts(manifest.name, options.repeatRuns, [], (run) => {
        say(describeRepeat(run, options.repeatRuns));
        results.addRepeat(run);
      });
    }
  } finally {
    await cleanUp();
  }
  writeFileSync(options.output, results.markdown({ ignoredByPiuparts: PIUPARTS_IGNORED, neighbours: neighbours.stop() }));
  say(`wrote ${options.output}`);
}

function versions(lab: Lab): Record<string, string> {
  const debian = (name: string) => execFileSync('dpkg-query', ['-W', '-f=${Version}', name], { encoding: 'utf8' });
  return {
    cores: String(cpus().length),
    node: process.version,
    docker: lab.engine.serverVersion,
    piuparts: debian('piuparts'),
    testinfra: debian('python3-testinfra'),
    'host image': lab.hostImage,
    'base image': lab.baseImage,
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
