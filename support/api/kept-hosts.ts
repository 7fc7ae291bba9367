// What a run leaves for the user to look into (--keep, --keep-on-failure), and how they get
// into it and rid of it.
import type Docker from 'dockerode';
import { ExitCode } from '../errors';
import { LABEL, type RunIdentity } from '../docker/run-labels';
import { keepsHost, type KeepHosts } from '../runtime/run-parameters';

/** Whether a run that ended with this exit code (undefined: it did not finish) keeps its hosts. */
export function keepsHosts(keep: KeepHosts, exitCode: number | undefined): boolean {
  return keepsHost(keep, exitCode !== ExitCode.passed);
}

export interface KeptHost {
  name: string;
  id: string;
}

/** Each kept host with the commands to enter it and to remove it (the run's, or every ended run's). */
export function keptHostsNotice(hosts: KeptHost[], run: RunIdentity): string {
  return hosts
    .map(
      ({ name, id }) =>
        `host kept: ${name}\n  enter it with: docker exec -it ${id} bash\n` +
        `  remove it with: npm run acceptance -- --cleanup ${run.id}   (this run's hosts; --cleanup alone removes those of every ended run)\n`,
    )
    .join('');
}

/** The run's containers still there at its end: the hosts it kept. */
export async function keptHosts(docker: Docker, run: RunIdentity): Promise<KeptHost[]> {
  const containers = await docker.listContainers({ all: true, filters: { label: [`${LABEL.run}=${run.id}`] } });
  return containers.map((c) => ({ name: c.Names[0]?.replace(/^\//, '') ?? c.Id, id: c.Id.slice(0, 12) })).sort((a, b) => a.name.localeCompare(b.name));
}
