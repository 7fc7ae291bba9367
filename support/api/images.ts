// The images a run needs, built or reused (each tagged by a hash of its inputs): the one way
// the CLI, the bench's lab, `npm run images` and the self-tests' preparation get them.
import type Docker from 'dockerode';
import { connectEngine } from '../docker/engine';
import { removeRunResources } from '../docker/janitor';
import { newRunIdentity, type RunIdentity } from '../docker/run-labels';
import { resolveBaseImage } from '../images/base-image';
import { ensureExamplePackages } from '../images/example-packages';
import { imageCacheKey, presentHarnessImages } from '../images/harness-images';
import { ensureHostImage } from '../images/host-image';
import { PATHS } from '../paths';
import type { Progress } from '../progress';

export interface HarnessImages {
  base: string;
  host: string;
}

/** Example packages to build: in containers labelled with `run` (the janitor removes them if the process dies); all, or only `targets`. */
export interface ExampleBuild {
  run: RunIdentity;
  targets?: readonly string[];
}

/** The base and host images of a Debian suite; with `examples`, the example packages too. */
export async function prepareImages(docker: Docker, suite: string, progress: Progress, examples?: ExampleBuild): Promise<HarnessImages> {
  const base = await resolveBaseImage(docker, suite, PATHS.recipes.base, progress);
  const host = await ensureHostImage(docker, base, suite, PATHS.recipes.host, progress);
  if (examples) await ensureExamplePackages(docker, base, PATHS.examples, PATHS.exampleDebs, examples.run, progress, examples.targets);
  return { base, host };
}

/**
 * The images, and with `examples` the example packages, prepared outside any run of the checks
 * (`npm run images -- build`, the self-tests' preparation): the packages are built in a run of
 * their own, removed after.
 */
export async function buildImages(suite: string, progress: Progress, examples: boolean): Promise<HarnessImages> {
  const { docker } = await connectEngine();
  if (!examples) return prepareImages(docker, suite, progress);
  const run = newRunIdentity();
  try {
    return await prepareImages(docker, suite, progress, { run });
  } finally {
    await removeRunResources(docker, { runId: run.id });
  }
}

/** The base and host images of this checkout that the engine already has: what to hand to another engine. */
export async function presentImages(suite: string): Promise<string[]> {
  return presentHarnessImages((await connectEngine()).docker, suite, PATHS.recipes);
}

/** A key for caching the images between CI runs, from their recipes. */
export function imagesCacheKey(suite: string): string {
  return imageCacheKey(suite, PATHS.recipes);
}
