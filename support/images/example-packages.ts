import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
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

/** The example a package file of build/debs belongs to: its directory there (wazo-foo, shapes/udp-ipv6, broken/runs-as-root). */
export function exampleTarget(file: string, outputDir: string): string | undefined {
  const within = relative(outputDir, dirname(file));
  return within === '' || within.startsWith('..') || isAbsolute(within) ? undefined : within.split(sep).join('/');
}

/**
 * Builds the example services' .deb files (examples/build-debs.sh) into build/debs, inside a
 * container of the base image so that a machine without dpkg-deb can build them too: every
 * example, or only `targets` (the examples a run checks: building all of them is most of a
 * cold run's build time). A stamp with the hash of examples/ skips the build when nothing
 * changed: build/debs/.stamp when every example was built, TARGET/.stamp for one built alone.
 */
export async function ensureExamplePackages(
  docker: Docker,
  baseImage: string,
  examplesDir: string,
  outputDir: string,
  run: RunIdentity,
  progress: Progress,
  targets?: readonly string[],
): Promise<void> {
  const hash = contentHash([examplesDir], [], isPackageInput);
  const allBuilt = () => stampOf(join(outputDir, '.stamp')) === hash;
  const fresh = (target: string) => allBuilt() || stampOf(join(outputDir, target, '.stamp')) === hash;
  const stale = targets?.filter((t) => !fresh(t));
  if (stale ? stale.length === 0 : allBuilt()) return;
  progress.step(`example packages: building ${stale ? stale.join(', ') : 'examples/'} into build/debs`);
  // Built aside, then swapped in: a concurrent run never sees a half-built directory.
  const staging = `${outputDir}.${run.id}`;
  const removeStaging = () => rmSync(staging, { recursive: true, force: true });
  const forget = undoOnInterrupt(removeStaging);
  mkdirSync(staging, { recursive: true });
  try {
    const { exitCode, output } = await runOneShot(docker, run, {
      image: baseImage,
      command: ['sh', '/src/build-debs.sh', '/out', ...(stale ?? [])],
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
    if (stale) {
      // The tree is no longer all of one build: the whole-tree stamp would vouch for the others.
      rmSync(join(outputDir, '.stamp'), { force: true });
      for (const target of stale) {
        // A target the script does not know builds nothing: the run then says the package file is missing.
        if (existsSync(join(staging, target)) && !fresh(target)) swapIn(join(staging, target), join(outputDir, target), hash, run);
      }
    } else if (!allBuilt()) {
      swapIn(staging, outputDir, hash, run);
    }
  } finally {
    forget();
    removeStaging();
  }
}

/**
 * `built` replaces `current`, stamped with `hash`. A concurrent run that built the same
 * sources first keeps its packages (the callers check the stamp just before): other runs may be
 * installing them right now. Otherwise the old tree is moved aside, not deleted in place, so
 * the window without packages is one rename long.
 */
function swapIn(built: string, current: string, hash: string, run: RunIdentity): void {
  writeFileSync(join(built, '.stamp'), hash);
  const old = `${current}.old.${run.id}`;
  if (existsSync(current)) renameSync(current, old);
  mkdirSync(dirname(current), { recursive: true });
  renameSync(built, current);
  rmSync(old, { recursive: true, force: true });
}
