import type Docker from 'dockerode';
import { imageExists } from '../docker/engine';
import { LABEL } from '../docker/run-labels';
import { HarnessError } from '../errors';
import type { Progress } from '../progress';
import { buildImage } from './image-build';
import { contentHash, listFiles } from './content-hash';

/** Set to 1 to build the host image without the engine's layer cache: the bench's cold runs (a fresh machine has none). */
export const NO_BUILD_CACHE = 'WAZO_ACCEPTANCE_NO_BUILD_CACHE';

/** The recipe's files that go into the image: its README documents it, and editing it must not rebuild it. */
export function isImageInput(file: string): boolean {
  return file !== 'README.md';
}

/** The host image's tag: a hash of its recipe and of the base image's id. */
export async function hostImageTag(docker: Docker, baseImage: string, suite: string, recipeDir: string): Promise<string> {
  const baseId = (await docker.getImage(baseImage).inspect()).Id;
  return `wazo-harness/host:${suite}-${contentHash([recipeDir], [baseId], isImageInput)}`;
}

/**
 * The Wazo host image (recipes/host/Dockerfile on the base image), tagged by a hash of
 * its recipe and of the base image's id: a second run finds it and builds nothing.
 */
export async function ensureHostImage(docker: Docker, baseImage: string, suite: string, recipeDir: string, progress: Progress): Promise<string> {
  const tag = await hostImageTag(docker, baseImage, suite, recipeDir);
  if (await imageExists(docker, tag)) return tag;
  progress.step(`host image: building ${tag} from ${baseImage} (recipes/host/Dockerfile)`);
  const { failure, tail } = await buildImage(
    docker,
    { context: recipeDir, src: listFiles(recipeDir).filter(isImageInput) },
    { t: tag, buildargs: { BASE_IMAGE: baseImage }, labels: { [LABEL.harness]: 'true' }, rm: true, forcerm: true, nocache: process.env[NO_BUILD_CACHE] === '1' },
    'host image',
    progress,
  );
  if (failure !== undefined) {
    throw new HarnessError(
      'environment',
      `building the host image ${tag} failed: ${failure}\n--- last output of the failing step ---\n${tail}`,
      'read the failing step above; if apt could not reach deb.debian.org, check the engine\'s network, then run again',
    );
  }
  return tag;
}
