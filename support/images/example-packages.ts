import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { runLabels, type RunIdentity } from '../docker/run-labels';
import { HarnessError } from '../errors';
import { OutputTail, type Progress } from '../progress';
import { contentHash } from './content-hash';

/**
 * Builds the example services' .deb files (examples/build-debs.sh) into build/debs, inside a
 * container of the base image so that a machine without dpkg-deb can build them too.
 * A stamp with the hash of examples/ skips the build when nothing changed.
 */
export async function ensureExamplePackages(
  docker: Docker,
  baseImage: string,
  examplesDir: string,
  outputDir: string,
  run: RunIdentity,
  progress: Progress,
): Promise<void> {
  const stampFile = join(outputDir, '.stamp');
  const hash = contentHash([examplesDir]);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) return;
  progress.step('example packages: building examples/ into build/debs');
  // Built aside, then swapped in: a concurrent run never sees a half-built directory.
  const staging = `${outputDir}.${run.id}`;
  mkdirSync(staging, { recursive: true });
  const tail = new OutputTail();
  const container = await docker.createContainer({
    Image: baseImage,
    Cmd: ['sh', '/src/build-debs.sh', '/out'],
    Tty: true,
    User: `${process.getuid?.() ?? 0}:${process.getgid?.() ?? 0}`,
    Labels: runLabels(run),
    HostConfig: { Binds: [`${examplesDir}:/src:ro`, `${staging}:/out`], NetworkMode: 'none' },
  });
  try {
    const logs = await container.attach({ stream: true, stdout: true, stderr: true });
    logs.on('data', (chunk: Buffer) => tail.push(chunk.toString()));
    await container.start();
    const { StatusCode } = (await container.wait()) as { StatusCode: number };
    if (StatusCode !== 0) {
      throw new HarnessError(
        'environment',
        `building the example packages failed (examples/build-debs.sh exited ${StatusCode}):\n${tail}`,
        'fix examples/ (the output above names the failing file), then run again',
      );
    }
    writeFileSync(join(staging, '.stamp'), hash);
    rmSync(outputDir, { recursive: true, force: true });
    renameSync(staging, outputDir);
  } finally {
    await container.remove({ force: true });
    rmSync(staging, { recursive: true, force: true });
  }
}
