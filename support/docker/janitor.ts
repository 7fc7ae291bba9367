import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { pollUntil } from '../poll';
import { LABEL, processAlive, runOfDir } from './run-labels';

export interface Removed {
  containers: string[];
  networks: string[];
  volumes: string[];
  directories: string[];
}

/** The run directories (see runDirPrefix) of one run, or of every run whose process is gone. */
function removeRunDirectories(runId?: string): string[] {
  const dead = readdirSync(tmpdir()).filter((name) => {
    const run = runOfDir(name);
    return run !== undefined && (runId !== undefined ? run.id === runId : !processAlive(run.pid));
  });
  for (const name of dead) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  return dead.map((name) => join(tmpdir(), name));
}

/** Past this age a run is taken as dead even if its pid is alive again: pids get reused. */
const RUN_MAX_AGE_MS = 24 * 60 * 60 * 1000;

function runIsAlive(labels: Record<string, string> | undefined): boolean {
  const age = Date.now() - Number(labels?.[LABEL.startedAt] ?? 0);
  return age < RUN_MAX_AGE_MS && processAlive(Number(labels?.[LABEL.pid]));
}

/** Which runs' resources to remove: one run's (all of them), or those of every ended run. */
export type Leftovers = { runId: string } | { ended: true; kept: boolean };

/**
 * Removes what harness runs left behind, selected by label (and directories by name): every
 * resource of one run, or those of runs whose process is gone, such as a run killed with
 * SIGKILL, or that are older than a day. Hosts kept on purpose (--keep, --keep-on-failure)
 * are the user's: among ended runs' resources they are removed only when `kept` says so
 * (--cleanup), never by the janitor at the start of a run.
 */
export async function removeRunResources(docker: Docker, which: Leftovers = { ended: true, kept: false }): Promise<Removed> {
  const runId = 'runId' in which ? which.runId : undefined;
  // By the run label, never the harness label alone: containers inherit the host image's
  // harness label, so someone else's container made from that image would match it.
  const filters = { label: [runId ? `${LABEL.run}=${runId}` : LABEL.run] };
  const select = (labels: Record<string, string> | undefined) =>
    'runId' in which || (!runIsAlive(labels) && (which.kept || labels?.[LABEL.keep] !== 'true'));
  const removed: Removed = { containers: [], networks: [], volumes: [], directories: removeRunDirectories(runId) };

  const containers = await docker.listContainers({ all: true, filters });
  await Promise.all(
    containers
      .filter((c) => select(c.Labels))
      .map(async (c) => {
        await docker.getContainer(c.Id).remove({ force: true, v: true }).catch(() => undefined);
        removed.containers.push(c.Names[0]?.replace(/^\//, '') ?? c.Id);
      }),
  );
  const networks = await docker.listNetworks({ filters });
  for (const n of networks.filter((n) => select(n.Labels))) {
    await docker.getNetwork(n.Id).remove().catch(() => undefined);
    removed.networks.push(n.Name);
  }
  const { Volumes } = await docker.listVolumes({ filters });
  for (const v of (Volumes ?? []).filter((v) => select(v.Labels ?? undefined))) {
    await docker.getVolume(v.Name).remove().catch(() => undefined);
    removed.volumes.push(v.Name);
  }
  return removed;
}

/**
 * After an interruption, a container create may still be in flight at the engine: it lands
 * after a first removal pass. Passes go on until two in a row find nothing (about 1 s), at most 6.
 */
export async function removeRunResourcesSettled(docker: Docker, runId: string): Promise<void> {
  let quiet = 0;
  await pollUntil(
    async () => {
      const removed = await removeRunResources(docker, { runId });
      quiet = removed.containers.length + removed.networks.length + removed.volumes.length + removed.directories.length === 0 ? quiet + 1 : 0;
      return quiet;
    },
    (quietPasses) => quietPasses >= 2,
    { attempts: 6, intervalMs: 500 },
  );
}
