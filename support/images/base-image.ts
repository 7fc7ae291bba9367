import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { imageExists } from '../docker/engine';
import { MIRROR } from '../debian-mirror';
import { HarnessError } from '../errors';
import { undoOnInterrupt } from '../interrupts';
import { OutputTail, type Progress } from '../progress';
import { contentHash } from './content-hash';

/** The tag of the base image debootstrap builds: a hash of its recipe, the suite and the mirror. */
export function localBaseImageTag(suite: string, baseDir: string): string {
  return `wazo-harness/debian:${suite}-${contentHash([baseDir], [suite, MIRROR])}`;
}

/** The base image the engine already has, in order of preference: the official one, then a debootstrapped one. */
export async function existingBaseImage(docker: Docker, suite: string, baseDir: string): Promise<string | undefined> {
  for (const candidate of [`debian:${suite}`, localBaseImageTag(suite, baseDir)]) {
    if (await imageExists(docker, candidate)) return candidate;
  }
  return undefined;
}

/**
 * The Debian base the Wazo host image builds on. Preference order: an official image
 * already on the machine, a debootstrapped one built earlier, a pull, then debootstrap
 * (for machines that reach Debian's archive but no registry).
 */
export async function resolveBaseImage(docker: Docker, suite: string, baseDir: string, progress: Progress): Promise<string> {
  const existing = await existingBaseImage(docker, suite, baseDir);
  if (existing !== undefined) return existing;
  const official = `debian:${suite}`;
  const local = localBaseImageTag(suite, baseDir);
  const packages = readFileSync(join(baseDir, 'debootstrap-packages'), 'utf8').split(/\s+/).filter(Boolean);
  progress.step(`base image: ${official} is not on this machine, trying to pull it`);
  const pullError = await pull(docker, official);
  if (pullError === undefined) return official;
  progress.step(`base image: pull failed (${pullError}); building ${local} with debootstrap (about a minute)`);
  await debootstrapImage(docker, suite, packages, local, progress);
  return local;
}

async function pull(docker: Docker, image: string): Promise<string | undefined> {
  try {
    const stream = await docker.pull(image);
    await new Promise<void>((resolve, reject) =>
      docker.modem.followProgress(stream, (error: Error | null) => (error ? reject(error) : resolve())),
    );
    return undefined;
  } catch (error) {
    return (error as Error).message.split('\n')[0];
  }
}

async function debootstrapImage(docker: Docker, suite: string, packages: string[], tag: string, progress: Progress): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'wazo-harness-debootstrap-'));
  const removeRoot = () => rmSync(root, { recursive: true, force: true });
  const forget = undoOnInterrupt(removeRoot);
  try {
    const tail = new OutputTail();
    const args = ['--variant=minbase', `--include=${packages.join(',')}`, suite, root, MIRROR];
    const code = await runTool('debootstrap', args, tail, progress);
    if (code !== 0) {
      throw new HarnessError(
        'environment',
        `debootstrap ${args.join(' ')} failed (exit ${code}):\n${tail}`,
        `it needs root, the debootstrap package and access to ${MIRROR}; on Debian run \`npm run setup\`, ` +
          `or make debian:${suite} available to the engine (\`docker pull debian:${suite}\` where a registry is reachable)`,
      );
    }
    progress.step(`base image: importing ${tag}`);
    const tar = spawn('tar', ['-C', root, '-c', '.'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [repo, tagName] = tag.split(':');
    const response = await docker.importImage(tar.stdout, { repo, tag: tagName });
    await new Promise<void>((resolve, reject) =>
      docker.modem.followProgress(response, (error: Error | null) => (error ? reject(error) : resolve())),
    );
  } finally {
    forget();
    removeRoot();
  }
}

function runTool(command: string, args: string[], tail: OutputTail, progress: Progress): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const forget = undoOnInterrupt(() => child.kill('SIGKILL'));
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      tail.push(text);
      text.split('\n').filter(Boolean).forEach((line) => progress.detail(line));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => {
      tail.push(`${command}: ${error.message}`);
      resolve(127);
    });
    child.on('close', (code) => {
      forget();
      resolve(code ?? 1);
    });
  });
}
