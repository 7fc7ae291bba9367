import { PassThrough } from 'node:stream';
import type Dockerode from 'dockerode';

export interface ExecOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ExecOptions {
  /** Run as this user (name or uid) instead of root. */
  user?: string;
  env?: Record<string, string>;
}

/** One `docker exec`, with stdout and stderr kept apart and the real exit code. */
export async function runInContainer(container: Dockerode.Container, command: string[], options: ExecOptions = {}): Promise<ExecOutput> {
  const exec = await container.exec({
    Cmd: command,
    AttachStdout: true,
    AttachStderr: true,
    User: options.user ?? 'root',
    Env: Object.entries(options.env ?? {}).map(([key, value]) => `${key}=${value}`),
  });
  const stream = await exec.start({ hijack: true, stdin: false });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const out = new PassThrough().on('data', (chunk: Buffer) => stdout.push(chunk));
  const err = new PassThrough().on('data', (chunk: Buffer) => stderr.push(chunk));
  container.modem.demuxStream(stream, out, err);
  await new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('close', resolve);
    stream.on('error', reject);
  });
  const { ExitCode } = await exec.inspect();
  return {
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: Buffer.concat(stderr).toString('utf8'),
    exitCode: ExitCode ?? -1,
  };
}
