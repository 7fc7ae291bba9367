// The self-tests' handle on scripts/cgroup-v2-engine.sh (the second engine that sees cgroup v2
// on a cgroup v1 machine), and an independent look at the machine for what of it is left.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness';

const SCRIPT = join(ROOT, 'scripts', 'cgroup-v2-engine.sh');
/** The script's defaults: its names on the machine. */
export const CGROUP_V2_ENGINE = {
  socket: '/var/run/wazo-cgroup2.sock',
  pidfile: '/var/run/wazo-cgroup2.pid',
  state: '/var/lib/wazo-cgroup2',
  execRoot: '/var/run/wazo-cgroup2',
  bridge: 'wazocg2br0',
  subnet: '172.31.240.0/24',
};

/** statfs(2)'s f_type of a cgroup2 mount. */
const CGROUP2_SUPER_MAGIC = 0x63677270;

/** Why the cgroup v2 engine is not for this machine, or undefined where it is (root, cgroup v1). */
export function whyNoCgroupV2Engine(): string | undefined {
  if (process.getuid?.() !== 0) return 'starting a second engine needs root';
  if (statfsSync('/sys/fs/cgroup').type === CGROUP2_SUPER_MAGIC) {
    return "the machine is cgroup v2 already: the other self-tests check the harness's cgroup v2 code paths on its own engine";
  }
  return undefined;
}

function script(args: string[]): string {
  const run = spawnSync('sh', [SCRIPT, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`sh scripts/cgroup-v2-engine.sh ${args.join(' ')} exited ${run.status}:\n${run.stderr}`);
  return run.stdout.trim();
}

/** Starts the engine (or finds it started) and returns its DOCKER_HOST. */
export function startCgroupV2Engine(): string {
  return script(['start']);
}

export function copyImagesToCgroupV2Engine(images: string[]): void {
  script(['copy-images', ...images]);
}

export function stopCgroupV2Engine(): void {
  script(['stop']);
}

/** What the script itself says is left of the engine, one piece a line. */
export function scriptLeftovers(): string[] {
  return script(['leftovers']).split('\n').filter(Boolean);
}

/** What of the engine the machine still shows, read without the script: processes, bridge, rules, mounts, files. */
export function machineLeftovers(): string[] {
  const { socket, pidfile, state, execRoot, bridge, subnet } = CGROUP_V2_ENGINE;
  const mentions = (text: string) => text.split('\n').filter((line) => line.includes(bridge) || line.includes(subnet) || line.includes('wazo-cgroup2'));
  const engines = spawnSync('pgrep', ['-af', 'dockerd'], { encoding: 'utf8' }).stdout;
  return [
    ...mentions(engines).map((line) => `process: ${line}`),
    ...(spawnSync('ip', ['link', 'show', bridge]).status === 0 ? [`link: ${bridge}`] : []),
    ...mentions(execFileSync('iptables', ['-S'], { encoding: 'utf8' })).map((rule) => `filter rule: ${rule}`),
    ...mentions(execFileSync('iptables', ['-t', 'nat', '-S'], { encoding: 'utf8' })).map((rule) => `nat rule: ${rule}`),
    ...mentions(readFileSync('/proc/self/mountinfo', 'utf8')).map((mount) => `mount: ${mount}`),
    ...[socket, pidfile, state, execRoot].filter((path) => existsSync(path)).map((path) => `file: ${path}`),
  ];
}
