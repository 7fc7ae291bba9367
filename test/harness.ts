// Helpers for the self-tests: run the harness as a user would, and look for leftovers.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Docker from 'dockerode';
import { LABEL } from '../support/docker/run-labels';

export const ROOT = join(__dirname, '..');

export interface HarnessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run acceptance -- ARGS`, without npm's banner: the same entry point and flags. */
export function runAcceptance(args: string[], env: Record<string, string> = {}): Promise<HarnessRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', 'ts-node/register/transpile-only', 'support/cli/acceptance.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Containers, networks and volumes that carry the harness label: none may survive a run. */
export async function harnessLeftovers(): Promise<string[]> {
  const docker = new Docker();
  const filters = { label: [LABEL.harness] };
  const containers = await docker.listContainers({ all: true, filters });
  const networks = await docker.listNetworks({ filters });
  const { Volumes } = await docker.listVolumes({ filters });
  return [
    ...containers.map((c) => `container ${c.Names.join(',')}`),
    ...networks.map((n) => `network ${n.Name}`),
    ...(Volumes ?? []).map((v) => `volume ${v.Name}`),
  ];
}

/** The one line per checked item the harness prints: "PASS  @user  The service ...". */
export function verdicts(stdout: string): Array<{ verdict: string; area: string; name: string }> {
  return [...stdout.matchAll(/^(PASS|FAIL|N\/A|UNDEFINED|AMBIGUOUS|PENDING)\s+(@\S+)\s+(.+)$/gm)].map(([, verdict, area, name]) => ({
    verdict,
    area,
    name: name.trim(),
  }));
}
