import Docker from 'dockerode';
import { HarnessError } from '../errors';

export type CgroupVersion = '1' | '2';

/** The Docker Engine the harness drives, with the facts the host options depend on. */
export interface Engine {
  docker: Docker;
  cgroupVersion: CgroupVersion;
  serverVersion: string;
}

const howToGetAnEngine =
  'on a Debian host run `npm run setup` (installs docker.io and starts dockerd); elsewhere install and start a Docker Engine, ' +
  'or point DOCKER_HOST at one. Check with `docker info`.';

export async function connectEngine(): Promise<Engine> {
  const docker = new Docker();
  const where = process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
  try {
    await docker.ping();
    const info = (await docker.info()) as { CgroupVersion?: string; ServerVersion?: string };
    return {
      docker,
      cgroupVersion: info.CgroupVersion === '2' ? '2' : '1',
      serverVersion: info.ServerVersion ?? 'unknown',
    };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new HarnessError('environment', `the Docker Engine is not reachable at ${where} (${reason})`, howToGetAnEngine);
  }
}

export async function imageExists(docker: Docker, name: string): Promise<boolean> {
  try {
    await docker.getImage(name).inspect();
    return true;
  } catch {
    return false;
  }
}
