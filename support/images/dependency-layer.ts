// The host a package is checked on has what a Wazo host has and nothing of the package: its
// dependencies come from Debian as apt installs them for the package. Unpacking them at every
// install (python3 alone: 5 CPU-s, 20 s with the download) would dominate the run, so they are
// installed once per dependency set on the host image (recipes/dependencies) and hosts boot
// from that image: the same packages, from the same archive, marked automatic as apt marks
// what a package pulls. A Depends the package forgets is absent there as on a real host.
import type Docker from 'dockerode';
import { imageExists } from '../docker/engine';
import { LABEL } from '../docker/run-labels';
import { HarnessError } from '../errors';
import type { Progress } from '../progress';
import { contentHash, listFiles } from './content-hash';
import { buildImage } from './image-build';

/** apt's answer when the dependencies cannot be satisfied from the host's archives: the package's fault, not the harness's. */
const UNSATISFIABLE = /have unmet dependencies|Unable to locate package|has no installation candidate/;

export interface DependencyLayer {
  /** The image the package's hosts boot from. */
  image: string;
  /** Set when apt cannot satisfy the dependencies: hosts boot from the host image, and the install shows apt's answer. */
  unsatisfiable?: string;
}

/**
 * The host image with the dependencies (`Pre-Depends`/`Depends` values of the package and of
 * the version it upgrades from) installed, built once and found by tag afterwards.
 */
export async function ensureDependencyLayer(
  docker: Docker,
  hostImage: string,
  recipeDir: string,
  dependencies: string[],
  progress: Progress,
): Promise<DependencyLayer> {
  const wanted = [...new Set(dependencies)].join(', ');
  if (wanted === '') return { image: hostImage };
  const tag = `wazo-harness/host-deps:${hostImage.replace(/^.*:/, '')}-${contentHash([recipeDir], [hostImage, wanted])}`;
  if (await imageExists(docker, tag)) return { image: tag };
  progress.step(`dependency layer: installing ${wanted} from Debian on ${hostImage} (${tag})`);
  const { failure, tail } = await buildImage(
    docker,
    { context: recipeDir, src: listFiles(recipeDir) },
    { t: tag, buildargs: { HOST_IMAGE: hostImage, DEPENDENCIES: wanted }, labels: { [LABEL.harness]: 'true' }, rm: true, forcerm: true },
    'dependency layer',
    progress,
  );
  if (failure === undefined) return { image: tag };
  if (UNSATISFIABLE.test(tail.toString())) return { image: hostImage, unsatisfiable: `apt-get satisfy '${wanted}' on ${hostImage}:\n${tail}` };
  throw new HarnessError(
    'environment',
    `installing the package's dependencies (${wanted}) on ${hostImage} failed: ${failure}\n--- last output ---\n${tail}`,
    "if apt could not reach deb.debian.org, check the engine's network; if the archive no longer has a version the host image's lists name (after a Debian point release), remove the host image (docker image rm " +
      `${hostImage}) so that the next run builds it with fresh lists`,
  );
}
