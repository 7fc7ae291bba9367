import type Docker from 'dockerode';
import { OutputTail } from '../progress';
import { runLabels, type RunIdentity } from './run-labels';

export interface OneShot {
  image: string;
  command: string[];
  /** host:container[:ro] bind mounts */
  binds: string[];
  /** Run as the caller's uid:gid so files it writes belong to the user. */
  asCaller?: boolean;
}

export interface OneShotResult {
  exitCode: number;
  output: string;
}

/**
 * A tool run in a throwaway container without network (build the examples, read a .deb's
 * control fields): labelled with the run, removed whatever happens.
 */
export async function runOneShot(docker: Docker, run: RunIdentity, job: OneShot): Promise<OneShotResult> {
  const tail = new OutputTail(60);
  const container = await docker.createContainer({
    Image: job.image,
    Cmd: job.command,
    Tty: true, // one stream, no multiplexing headers to strip
    User: job.asCaller ? `${process.getuid?.() ?? 0}:${process.getgid?.() ?? 0}` : 'root',
    Labels: runLabels(run),
    HostConfig: { Binds: job.binds, NetworkMode: 'none' },
  });
  try {
    const stream = await container.attach({ stream: true, stdout: true, stderr: true });
    stream.on('data', (chunk: Buffer) => tail.push(chunk.toString()));
    await container.start();
    const { StatusCode } = (await container.wait()) as { StatusCode: number };
    return { exitCode: StatusCode, output: tail.toString() };
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}
