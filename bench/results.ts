import type { ScenarioTime } from './cucumber-timeline';
import { warmMissReason } from './warm-miss';
import type { NeighbourSightings } from './engine-neighbours';
import { median } from './timing';
import type { RepeatedRun } from './verdict-repeats';

/** The areas issue 14 times alone (`--tags`): a run of one area must stay short. */
export const AREAS = ['@install', '@user'] as const;
/** `--all --parallel N`: two services one then the other, both at once, and four at once. */
export const PARALLEL_RUNS = [
  { parallel: 1, withShapes: false },
  { parallel: 2, withShapes: false },
  { parallel: 4, withShapes: true },
] as const;

/** Issue 14's targets, in one place: the bench says MET or NOT MET against these. */
const TARGET = {
  warmMs: 30_000,
  areaMs: 8_000,
  coldMs: 120_000,
  piupartsRatio: 2,
  testinfraRatio: 20,
  suiteMinutes: 20,
};

export interface Sample {
  ms: number;
  ok: boolean;
  detail: string;
  execs?: number;
  passed?: number;
  failed?: string[];
}

interface Series {
  section: string;
  label: string;
  samples: Sample[];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const REPEAT_LABEL = 'harness: warm full checklist, one run after the other (a run whose table differs counts as failed)';

/** Where a CPU-bound warm run's CPU goes, as measured (perf, 2026-12-07), and what was tried. */
const CPU_GOES_TO =
  "A warm run starts about 3 000 programs (perf, 2026-12-07; 3 600 before the host's own scripts used bash builtins and the exec channel stopped starting env), and most of its CPU goes to starting them: the package's own maintainer scripts at each install (deb-systemd-helper, adduser, dpkg-preconfigure, py3compile), systemd's executor for each unit process of each boot, the engine's networking for each container start (iptables, docker-proxy, its set-up hook: a re-exec of dockerd), and each cucumber process's 1 000 modules (1 410 before testcontainers and undici were dropped). apt no longer loads Debian's lists when the host's installed packages suffice (support/host/apt-view.ts: 1.4 CPU-s of an install's 2.7). A snapshot image of the installed host would skip the install, but a host booted from it is a host after a reboot, not after an install: broken examples would fail elsewhere (needs-run-dir-at-boot would fail at the Given of every scenario on a host of its own, not only at the reboot check), so it is not done.";

/** The phase row of a run's machine CPU time (bench/machine-cpu.ts). */
export const CPU_LABEL = "machine CPU time (every process: the harness, the hosts' containers, the engine)";

/** The bench's measurements, and bench/results.md written from them (numbers only from this run). */
export class Results {
  private readonly series: Series[] = [];
  private readonly started = new Date();
  /** Per section, each scenario's runs: its time and its host set-up's. */
  private readonly scenarios = new Map<string, Map<string, { ms: number[]; hostSetUpMs: number[]; sharedHost: boolean }>>();
  /** Per section, the most cucumber workers a run started. */
  private readonly workers = new Map<string, number>();

  constructor(
    private readonly runs: number,
    private readonly machine: Record<string, string>,
  ) {}

  add(section: string, label: string, sample: Sample): void {
    let series = this.series.find((s) => s.section === section && s.label === label);
    if (!series) this.series.push((series = { section, label, samples: [] }));
    series.samples.push(sample);
  }

  /** The repeat section's runs: each also counts as a sample of its time. */
  private readonly repeats: RepeatedRun[] = [];

  addRepeat(run: RepeatedRun): void {
    this.repeats.push(run);
    this.add('repeat', REPEAT_LABEL, { ms: run.ms, ok: run.ok, detail: run.differences.join('; ') });
  }

  private repeatSummary(): { runs: number; identical: number; text: string } {
    const identical = this.repeats.filter((r) => r.ok).length;
    const differing = this.repeats.filter((r) => !r.ok).map((r) => `- run ${r.index} differs from run 1 (run 1's verdict is the expected one): ${r.differences.join('; ')}`);
    const exits = [...new Set(this.repeats.map((r) => r.exit))].join(', ');
    const text =
      this.repeats.length === 0
        ? '_not measured in this run (--only)_\n'
        : `${this.table('repeat')}\n**${identical}/${this.repeats.length}** runs gave run 1's verdict table (exit code ${exits}; every checklist item and every check beyond it compared, test/verdict-tables.ts).\n${differing.length > 0 ? `\n${differing.join('\n')}\n` : ''}`;
    return { runs: this.repeats.length, identical, text };
  }

  noteWorkers(section: string, workers: number): void {
    this.workers.set(section, Math.max(workers, this.workers.get(section) ?? 0));
  }

  addScenario(section: string, scenario: ScenarioTime, ok: boolean): void {
    if (!ok) return;
    const bySection = this.scenarios.get(section) ?? new Map<string, { ms: number[]; hostSetUpMs: number[]; sharedHost: boolean }>();
    this.scenarios.set(section, bySection);
    const times = bySection.get(scenario.name) ?? { ms: [], hostSetUpMs: [], sharedHost: scenario.sharedHost };
    bySection.set(scenario.name, times);
    times.ms.push(scenario.ms);
    times.hostSetUpMs.push(scenario.hostSetUpMs);
  }

  /** Every scenario of a section's successful runs, longest first: median time and median host set-up. */
  private scenarioRows(section: string): Array<{ name: string; ms: number; hostSetUpMs: number; sharedHost: boolean }> {
    return [...(this.scenarios.get(section)?.entries() ?? [])]
      .map(([name, t]) => ({ name, ms: median(t.ms), hostSetUpMs: median(t.hostSetUpMs), sharedHost: t.sharedHost }))
      .sort((a, b) => b.ms - a.ms);
  }

  /** The sums of the scenario rows' medians (the work the workers share), and the longest scenario. */
  private scenarioTotals(section: string): { total: number; hostSetUp: number; longest?: { name: string; ms: number } } {
    const rows = this.scenarioRows(section);
    return { total: rows.reduce((sum, r) => sum + r.ms, 0), hostSetUp: rows.reduce((sum, r) => sum + r.hostSetUpMs, 0), longest: rows[0] };
  }

  private scenarioTable(section: string): string {
    const rows = this.scenarioRows(section);
    if (rows.length === 0) return '_not measured in this run (--only), or no run succeeded_\n';
    const { total, hostSetUp } = this.scenarioTotals(section);
    return [
      '| scenario | median | of which host set-up |',
      '|---|---:|---:|',
      ...rows.map((r) => `| ${r.name.replace(/\|/g, '\\|')} | ${seconds(r.ms)} | ${r.hostSetUpMs > 0 ? seconds(r.hostSetUpMs) : '-'} |`),
      `| **all scenarios, one after the other** | **${seconds(total)}** | **${seconds(hostSetUp)}** |`,
    ].join('\n') + '\n';
  }

  /** The median of the samples that succeeded; undefined when none did. */
  median(section: string, label: string): number | undefined {
    const ok = this.series.find((s) => s.section === section && s.label === label)?.samples.filter((s) => s.ok) ?? [];
    return ok.length > 0 ? median(ok.map((s) => s.ms)) : undefined;
  }

  private table(section: string, extra?: { title: string; cell: (s: Sample[]) => string }): string {
    const rows = this.series.filter((s) => s.section === section);
    if (rows.length === 0) return '_not measured in this run (--only)_\n';
    const header = `| measurement | median | min | max | runs ok |${extra ? ` ${extra.title} |` : ''}\n|---|---:|---:|---:|---:|${extra ? '---|' : ''}`;
    const lines = rows.map(({ label, samples }) => {
      const ok = samples.filter((s) => s.ok).map((s) => s.ms);
      const stats = ok.length > 0 ? [median(ok), Math.min(...ok), Math.max(...ok)].map(seconds) : ['-', '-', '-'];
      return `| ${label} | ${stats.join(' | ')} | ${ok.length}/${samples.length} |${extra ? ` ${extra.cell(samples)} |` : ''}`;
    });
    const failures = rows.flatMap(({ label, samples }) => samples.filter((s) => !s.ok).map((s) => `- ${label} failed: ${s.detail.replace(/\n/g, ' / ')}`));
    return [header, ...lines, ...(failures.length > 0 ? ['', ...failures] : [])].join('\n') + '\n';
  }

  private ratio(section: string, ours: string, theirs: string): string {
    const a = this.median(section, ours);
    const b = this.median(section, theirs);
    if (a === undefined || b === undefined) return 'ratio: not available (a side has no successful run)';
    return `ratio ${theirs} / ${ours}: **${(b / a).toFixed(1)}x** (${seconds(b)} vs ${seconds(a)})`;
  }

  private target(text: string, holds: boolean | undefined, why: string): string {
    return `- ${holds === undefined ? 'NOT MEASURED' : holds ? 'MET' : 'NOT MET'}: ${text}${holds === false ? ` ${why}` : ''}`;
  }

  private phase(section: string, label: string, phase: string): string {
    const ms = this.median(`${section}-phases`, `${label}: ${phase}`);
    return ms === undefined ? '-' : seconds(ms);
  }

  /** Why the warm run missed, from this bench's figures: CPU, or a chain the run waited on (bench/warm-miss.ts). */
  private warmMiss(warm: number | undefined, warmCpu: number | undefined, cores: number, work: ReturnType<Results['scenarioTotals']>, workers: number, warmLabel: string): string {
    const schedule = `Its scenarios total ${seconds(work.total)} one after the other on ${workers} workers, ${seconds(work.hostSetUp)} of it booting hosts and installing; start-up ${this.phase('warm', warmLabel, 'start-up, until cucumber runs (options, manifest, engine, images, layers)')}, end ${this.phase('warm', warmLabel, 'end (reports, removal of the hosts)')}. The longest scenario is "${work.longest?.name ?? '-'}" (${work.longest === undefined ? '-' : seconds(work.longest.ms)}).`;
    if (warm === undefined || warmCpu === undefined) return `${schedule} The machine's CPU time was not measured.`;
    const reason = warmMissReason({ wallMs: warm, cpuMs: warmCpu, cores, scenarios: this.scenarioRows('warm') });
    return `${reason.text} ${schedule}${reason.cpuBound ? ` ${CPU_GOES_TO}` : ''}`;
  }

  private neighbourNote(seen: NeighbourSightings): string {
    if (seen.samples === 0) return 'The engine was not sampled for other runs\' containers.';
    if (seen.withNeighbours === 0) return `No container of another run was seen on the engine during the bench (sampled every 5 s, ${seen.samples} samples; image build steps, which carry no label, are not counted).`;
    return `Other runs' containers shared the engine during the bench (in ${seen.withNeighbours} of ${seen.samples} samples taken every 5 s, up to ${seen.most} at once; image build steps, which carry no label, are not counted): the numbers carry that noise (min and max show how much).`;
  }

  markdown(notes: { ignoredByPiuparts: string; neighbours: NeighbourSightings }): string {
    const warmLabel = 'harness: warm full checklist';
    const warm = this.median('warm', warmLabel);
    const cold = this.median('cold', 'harness: cold full checklist');
    const batched = this.median('assertions', 'harness: batched (BatchShell)');
    const testinfra = this.median('assertions', 'testinfra (pytest, docker backend)');
    const ours = this.median('package', 'harness');
    const piuparts = this.median('package', 'piuparts');
    const areas = AREAS.map((tags) => ({ tags, label: `harness: --tags ${tags}`, ms: this.median('area', `harness: --tags ${tags}`) }));
    const parallel = this.series.filter((s) => s.section === 'parallel').map((s) => ({ label: s.label, ms: this.median('parallel', s.label) }));
    const work = this.scenarioTotals('warm');
    const cores = Number(this.machine.cores);
    const workers = this.workers.get('warm') ?? cores;
    const warmCpu = this.median('warm-phases', `${warmLabel}: ${CPU_LABEL}`);
    const assertionCell = (samples: Sample[]) => {
      const last = samples[samples.length - 1];
      const failed = last.failed && last.failed.length > 0 ? `; failed: ${last.failed.join(', ')}` : '';
      return `${last.passed ?? '-'} passed${last.execs !== undefined ? `, ${last.execs} execs` : ''}${failed}${last.detail && last.ok ? `; ${last.detail}` : ''}`;
    };
    const ratio = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : b / a);
    const piupartsRatio = ratio(ours, piuparts);
    const testinfraRatio = ratio(batched, testinfra);
    const shown = (ms?: number) => (ms === undefined ? '-' : seconds(ms));
    const repeat = this.repeatSummary();
    return `# Benchmark: the harness side by side with piuparts and testinfra

Written by \`npm run bench\` (bench/run.ts) on ${this.started.toISOString().slice(0, 16).replace('T', ' ')} UTC, which took ${Math.round((Date.now() - this.started.getTime()) / 60_000)} min (set-up of the peers and images before it not counted); every number
below comes from that run. ${this.runs} rounds; in each round every measurement is taken once and
the harness and its peer run one right after the other (which goes first alternates), on the
same machine, engine, package and base image. Medians of the successful runs.

| machine | |
|---|---|
${Object.entries(this.machine).map(([k, v]) => `| ${k} | ${v} |`).join('\n')}

${this.neighbourNote(notes.neighbours)}

## Full checklist for wazo-foo (\`npm run acceptance -- --service wazo-foo\`)

${this.table('cold')}
${this.table('warm')}
Cold: a copy of the working tree as a fresh clone has it (no build/debs), whose host recipe
carries one extra inert file so that its image tag exists nowhere (no image to reuse, and no
other run on the engine uses it), built with the engine's layer cache off
(\`WAZO_ACCEPTANCE_NO_BUILD_CACHE=1\`): example packages + host image build + the checklist. The
Debian base image (\`wazo-harness/debian:*\`) is reused: its debootstrap (~55 s, once per machine)
is not measured. That private image is removed after each cold run; the shared
\`wazo-harness/host:*\` images, which other runs may be using, are never removed.
Warm: images and packages cached. Both run the CLI's entry point directly (npm's own start-up,
~0.3 s, not included), the warm run with its reports in a directory of its own.

Where the warm run's time goes (medians), split at cucumber's start and end as the run's
own \`cucumber.ndjson\` records them, and the CPU time the whole machine spent meanwhile
(\`/proc/stat\`, bench/machine-cpu.ts: on ${cores} cores, C CPU-s take at least C/${cores} s of wall):

${this.table('warm-phases')}
Each scenario (medians over the warm runs; "host set-up" is the Given steps that boot a host
and install the package, on one of the scenario's own, or the wait for the shared host, counted
in each scenario that waited for it). The scenarios ran on ${workers} cucumber workers (one per
scenario on a host of its own and one for the shared host's, at most two per core:
support/api/workers.ts), so the wall time is at least the total divided by ${workers}:

${this.scenarioTable('warm')}
## One area (\`npm run acceptance -- --service wazo-foo --tags TAGS\`)

${this.table('area')}
${this.table('area-phases')}
## Several services at once (\`npm run acceptance -- --all --parallel N\`)

${this.table('parallel')}
Measured in the first round only (each run takes minutes). Two services are services/'s
wazo-foo and wazo-bar; four add the shapes udp-ipv6 (wazo-echo) and hardened-unit (wazo-hardy),
whose manifests a copy of the tree lists in its services/ (warm: build/ shared). Each service
runs in a run of its own, with its own hosts and its share of the workers (at most two per core
divided by N), on the same ${cores} cores.
One service alone is the warm full checklist above.

## Install, upgrade from the previous version, purge of wazo-foo

${this.table('package')}
${this.ratio('package', 'harness', 'piuparts')}

Harness phases (medians):

${this.table('package-phases')}
- harness: its own modules (support/api/lab.ts boots a WazoHostContainer from the image a run
  uses for 1.0.0: the host image with 1.0.0's dependencies from Debian, built before the clock
  starts as a warm run finds it; support/host/package-installer.ts installs 1.0.0 then 1.1.0 with apt, \`apt-get purge\`, dpkg's status checked after each; apt sees the installed packages alone when its plan there is the package and nothing else, support/host/apt-view.ts), host
  removal included: what piuparts does, without the checks of the @upgrade and @purge
  scenarios (their times are in the warm run's scenario table above).
- piuparts: \`piuparts --docker-image BASE -d trixie -m http://deb.debian.org/debian --no-install-purge-test
  --extra-repo '<archive holding 1.0.0>' --ignore ${notes.ignoredByPiuparts} wazo-foo_1.1.0_all.deb\`: its
  upgrade test only (install the archive's 1.0.0 with apt, upgrade to the .deb, purge, compare the
  file system with the start), from the Debian base image the host image is built on. The
  archive is a one-package apt archive the bench serves on the engine's bridge address.
  \`${notes.ignoredByPiuparts}\` is ignored explicitly: bookworm's piuparts driving a trixie image
  reports it as left after purge, an artefact of that pairing, not of the package.
- Not the same work: piuparts installs python3, python3-yaml and adduser from deb.debian.org
  into the bare base at every run (the harness installs them once per dependency set, in the
  package's dependency layer, recipes/dependencies), and snapshots and compares the whole file
  system; the harness checks dpkg's answers only here (leftovers are the @purge feature's job).

## 100 host assertions against one running host

${this.table('assertions', { title: 'last run', cell: assertionCell })}
${this.ratio('assertions', 'harness: batched (BatchShell)', 'testinfra (pytest, docker backend)')}

The same 100 assertions on both sides, generated from one list (bench/assertions.ts): 22 users
(uid, home, shell), 4 absent users, 12 group memberships, 41 paths (type, owner, group, mode),
7 absent paths, 7 listening TCP sockets, 7 units running (4 also enabled). The harness checks
them with its probes (support/probes/*: each returns the fact and its evidence); testinfra with
\`host.user/file/socket/service\` in one pytest test each, run by Debian's \`/usr/bin/python3 -m pytest
--hosts=docker://CONTAINER\` (the time is the whole pytest process; its own report is in the last column).

Before / after the batch mechanism: "one exec each, in turn" is how the harness ran probe
commands before (one \`docker exec\` per command); "batched" sends every command of the 100
probes in ONE \`docker exec\` per user (support/probes/batch-shell.ts), each command still
getting its own evidence (exit code, stdout, stderr).

## The same verdicts, run after run (\`npm run repeat-verdicts\`)

${repeat.text}
Warm runs of wazo-foo one after the other, after the rounds above, as a user runs them; each
run's verdicts.json compared with run 1's. Faster must not mean flakier.

## Host boot and reboot

${this.table('host')}
Boot: WazoHostContainer.start() until \`systemctl is-system-running --wait\` says running (or
degraded). Reboot: StartedWazoHost.reboot() (a clean systemd shutdown, the same container
started again) until the same.

## Targets of issue 14 (on this ${cores}-core machine)

${this.target(
  `warm full checklist of wazo-foo <= ${TARGET.warmMs / 1000} s (median ${shown(warm)})`,
  warm === undefined ? undefined : warm <= TARGET.warmMs,
  this.warmMiss(warm, warmCpu, cores, work, workers, warmLabel),
)}
${AREAS.map((tags) => {
  const area = areas.find((a) => a.tags === tags)!;
  const label = area.label;
  return this.target(
    `one area, \`--tags ${tags}\`, <= ${TARGET.areaMs / 1000} s (median ${shown(area.ms)})`,
    area.ms === undefined ? undefined : area.ms <= TARGET.areaMs,
    `Start-up until cucumber runs: ${this.phase('area', label, 'start-up, until cucumber runs (options, manifest, engine, images, layers)')}; cucumber: ${this.phase('area', label, 'cucumber (workers, hosts, scenarios)')}, most of it the shared host's boot, install and readiness (see the warm run's host set-up); end: ${this.phase('area', label, 'end (reports, removal of the hosts)')}; machine CPU time: ${this.phase('area', label, CPU_LABEL)}. What would remove it: less CPU in the shared host's install and boot (see the warm target).`,
  );
}).join('\n')}
${this.target(
  `cold full checklist, from a copy of the tree with the engine and base image present, <= ${TARGET.coldMs / 1000} s (median ${shown(cold)})`,
  cold === undefined ? undefined : cold <= TARGET.coldMs,
  `It is the warm run plus ${warm === undefined || cold === undefined ? '-' : seconds(cold - warm)} of building: the run's example packages (wazo-foo's two versions), the host image without the engine's layer cache (Debian's nginx, monit, consul...), and the package's dependency layer (python3 from Debian). What would remove it: the host image carried to the machine instead of built there (\`npm run images -- list\` names what to \`docker save\` and load on another engine).`,
)}
${this.target(
  `install/upgrade/purge >= ${TARGET.piupartsRatio}x faster than piuparts (${piupartsRatio === undefined ? '-' : `${piupartsRatio.toFixed(1)}x`}: ${shown(ours)} vs ${shown(piuparts)})`,
  piupartsRatio === undefined ? undefined : piupartsRatio >= TARGET.piupartsRatio,
  `The harness's host boots systemd with consul, nginx and monit (boot: ${shown(this.median('package-phases', 'boot'))} of the cycle's ${shown(ours)}; consul's single-server raft election waits one heartbeat timeout, 1 to 2 s, before systemd reports the boot done), and the package's scripts restart and reload those daemons; piuparts' bare container runs none of them. piuparts' side also downloads python3 and its other dependencies from deb.debian.org at each run, so the ratio moves with the mirror's speed.`,
)}
${this.target(
  `100 host assertions >= ${TARGET.testinfraRatio}x faster than testinfra (${testinfraRatio === undefined ? '-' : `${testinfraRatio.toFixed(1)}x`}: ${shown(batched)} vs ${shown(testinfra)})`,
  testinfraRatio === undefined ? undefined : testinfraRatio >= TARGET.testinfraRatio,
  'The batch is one exec per user; look at the execs column for a batch that was split.',
)}
- ${parallel.length === 0 ? 'NOT MEASURED' : 'REPORTED'}: how \`--all --parallel N\` grows from 1 to 2 to 4 services: 1 service ${shown(warm)}${parallel.map((p) => `; ${p.label}: ${shown(p.ms)}`).join('')}.
${this.target(
  `${repeat.runs || 'N'} warm runs in a row give ${repeat.runs || 'N'} identical verdict tables (${repeat.identical}/${repeat.runs})`,
  repeat.runs === 0 ? undefined : repeat.identical === repeat.runs,
  'The runs that differ, and how, are listed in "The same verdicts, run after run".',
)}
- NOT MEASURED HERE: the self-test suite <= ${TARGET.suiteMinutes} min (\`CI=true bash .ci/run\` on a clean clone); it takes longer than the whole bench, so the closing note of each submission gives its time, measured as CI runs it.
`;
  }
}
