import { median } from './timing';

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

/** The bench's measurements, and bench/results.md written from them (numbers only from this run). */
export class Results {
  private readonly series: Series[] = [];
  private readonly started = new Date();

  constructor(
    private readonly runs: number,
    private readonly machine: Record<string, string>,
  ) {}

  add(section: string, label: string, sample: Sample): void {
    let series = this.series.find((s) => s.section === section && s.label === label);
    if (!series) this.series.push((series = { section, label, samples: [] }));
    series.samples.push(sample);
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

  markdown(notes: { ignoredByPiuparts: string }): string {
    const warm = this.median('warm', 'harness: warm full checklist');
    const batched = this.median('assertions', 'harness: batched (BatchShell)');
    const testinfra = this.median('assertions', 'testinfra (pytest, docker backend)');
    const ours = this.median('package', 'harness');
    const piuparts = this.median('package', 'piuparts');
    const assertionCell = (samples: Sample[]) => {
      const last = samples[samples.length - 1];
      const failed = last.failed && last.failed.length > 0 ? `; failed: ${last.failed.join(', ')}` : '';
      return `${last.passed ?? '-'} passed${last.execs !== undefined ? `, ${last.execs} execs` : ''}${failed}${last.detail && last.ok ? `; ${last.detail}` : ''}`;
    };
    return `# Benchmark: the harness side by side with piuparts and testinfra

Written by \`npm run bench\` (bench/run.ts) on ${this.started.toISOString().slice(0, 16).replace('T', ' ')} UTC; every number
below comes from that run. ${this.runs} rounds; in each round every measurement is taken once and
the harness and its peer run one right after the other (which goes first alternates), on the
same machine, engine, package and base image. Medians of the successful runs.

| machine | |
|---|---|
${Object.entries(this.machine).map(([k, v]) => `| ${k} | ${v} |`).join('\n')}

Other helpers ran their own containers on the same engine during the bench: numbers carry
that noise (min and max show how much).

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
~0.3 s, not included).

## Install, upgrade from the previous version, purge of wazo-foo

${this.table('package')}
${this.ratio('package', 'harness', 'piuparts')}

Harness phases (medians):

${this.table('package-phases')}
- harness: its own modules (support/api/lab.ts boots a WazoHostContainer from the image a run
  uses for 1.0.0: the host image with 1.0.0's dependencies from Debian, built before the clock
  starts as a warm run finds it; support/host/package-installer.ts installs 1.0.0 then 1.1.0 with apt, \`apt-get purge\`, dpkg's status checked after each), host
  removal included. The @upgrade and @purge scenarios were not on main when this was measured
  (only @install was), so the bench module was measured, not the tagged scenarios.
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

## Host boot and reboot

${this.table('host')}
Boot: WazoHostContainer.start() until \`systemctl is-system-running --wait\` says running (or
degraded). Reboot: StartedWazoHost.reboot() (a clean systemd shutdown, the same container
started again) until the same.

## Targets (on this 2-core machine)

${this.target(
  `warm full checklist for one service under 60 s (median ${warm === undefined ? '-' : seconds(warm)})`,
  warm === undefined ? undefined : warm < 60_000,
  'The run boots a host per scenario that changes one; each boot is ~4 s and each apt install ~5 s on this machine (see the sections below).',
)}
${this.target(
  `the 100-assertion batch faster than testinfra (${batched === undefined ? '-' : seconds(batched)} vs ${testinfra === undefined ? '-' : seconds(testinfra)})`,
  batched === undefined || testinfra === undefined ? undefined : batched < testinfra,
  'The batch is one exec per user; look at the execs column for a batch that was split.',
)}
${this.target(
  `install/upgrade/purge faster than piuparts (${ours === undefined ? '-' : seconds(ours)} vs ${piuparts === undefined ? '-' : seconds(piuparts)})`,
  ours === undefined || piuparts === undefined ? undefined : ours < piuparts,
  'The harness host runs real daemons (systemd, consul, nginx, monit) that the package\'s scripts restart and reload; piuparts\' bare container runs none.',
)}
`;
  }
}
