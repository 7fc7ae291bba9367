// Whether other runs shared the engine while the bench measured: results.md says so only when
// it saw them. A harness container belongs to the bench when the run process named by its pid
// label descends from the bench's process; any other running container is a neighbour.
import { readFileSync } from 'node:fs';
import type Docker from 'dockerode';
import { LABEL } from '../support/docker/run-labels';

/** The image of a build step's container: an image id, not a name. */
const BUILD_STEP_IMAGE = /^(sha256:)?[0-9a-f]{12,64}$/;

function parentOf(pid: number): number | undefined {
  try {
    // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function descendsFrom(pid: number, ancestor: number): boolean {
  for (let p: number | undefined = pid; p !== undefined && p > 1; p = parentOf(p)) if (p === ancestor) return true;
  return false;
}

export interface NeighbourSightings {
  samples: number;
  /** Samples in which at least one container not of the bench was running. */
  withNeighbours: number;
  /** The most such containers seen at once. */
  most: number;
}

/** Samples the engine's running containers every `everyMs` until stopped. */
export class EngineNeighbours {
  private readonly sightings: NeighbourSightings = { samples: 0, withNeighbours: 0, most: 0 };
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly docker: Docker,
    private readonly piupartsImage: string,
    everyMs = 5_000,
  ) {
    this.timer = setInterval(() => void this.sample(), everyMs);
    this.timer.unref();
  }

  private async sample(): Promise<void> {
    const containers = await this.docker.listContainers().catch(() => undefined);
    if (!containers) return;
    const neighbours = containers.filter((c) => {
      const pid = Number(c.Labels?.[LABEL.pid]);
      if (!Number.isInteger(pid) || pid <= 0) {
        // A `docker build` step runs unlabelled, from an image id: whose build it is cannot be
        // told (the cold run's are the bench's), so such steps are not counted.
        return !BUILD_STEP_IMAGE.test(c.Image) && c.Image !== this.piupartsImage;
      }
      return !descendsFrom(pid, process.pid);
    }).length;
    this.sightings.samples++;
    if (neighbours > 0) this.sightings.withNeighbours++;
    this.sightings.most = Math.max(this.sightings.most, neighbours);
  }

  stop(): NeighbourSightings {
    clearInterval(this.timer);
    return { ...this.sightings };
  }
}
