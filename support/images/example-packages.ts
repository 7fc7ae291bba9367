import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type Docker from 'dockerode';
import { runOneShot } from '../docker/one-shot';
import type { RunIdentity } from '../docker/run-labels';
import { HarnessError } from '../errors';
import { undoOnInterrupt } from '../interrupts';
import type { Progress } from '../progress';
import { contentHash } from './content-hash';

/** Files of examples/ that describe what the self-tests expect, not what a package is built from. */
const EXPECTATIONS = new Set(['RULE', 'FINDING', 'ALSO_FAILS', 'STEP', 'FAULT', 'expected.yml', 'service.yml', 'ports.md', 'README.md']);

/** Whether a file of examples/ goes into a package (a change of an expectation rebuilds nothing). */
export function isPackageInput(file: string): boolean {
  return !EXPECTATIONS.has(basename(file));
}

function stampOf(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

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
  const hash = contentHash([examplesDir], [], isPackageInput);
  if (stampOf(stampFile) === hash) return;
  progress.step('example packages: building examples/ into build/debs');
  // Built aside, then swapped in: a concurrent run never sees a half-built directory.
  const staging = `${outputDir}.${run.id}`;
  const removeStaging = () => rmSync(staging, { recursive: true, force: true });
  const forget = undoOnInterrupt(removeStaging);
  mkdirSync(staging, { recursive: true });
  try {
    const { exitCode, output } = await runOneShot(docker, run, {
      image: baseImage,
      command: ['sh', '/src/build-debs.sh', '/out'],
      binds: [`${examplesDir}:/src:ro`, `${staging}:/out`],
      asCaller: true,
    });
    if (exitCode !== 0) {
      throw new HarnessError(
        'environment',
        `building the example packages failed (examples/build-debs.sh exited ${exitCode}):\n${output}`,
        'fix examples/ (the output above names the failing file), then run again',
      );
    }
    // A concurrent run that built the same sources first keeps its packages: other runs may
    // be installing them right now. Otherwise the old tree is moved aside, not deleted in
    // place, so the window without packages is one rename long.
    if (stampOf(stampFile) === hash) return;
    writeFileSync(join(staging, '.stamp'), hash);
    const old = `${outputDir}.old.${run.id}`;
    if (existsSync(outputDir)) renameSync(outputDir, old);
    renameSync(staging, outputDir);
    rmSync(old, { recursive: true, force: true });
  } finally {
    forget();
    removeStaging();
  }
}
