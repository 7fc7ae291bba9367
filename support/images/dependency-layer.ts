// The host a package is checked on has what a Wazo host has and nothing of the package: its
// dependencies come from Debian as apt installs them for the package. Unpacking them at every
// install (python3 alone: 5 CPU-s, 20 s with the download, measured 2026-12-07) would dominate
// the run, so they are installed once per dependency set on the host image
// (recipes/dependencies) and hosts boot from that image: the same packages, from the same archive, marked automatic as apt marks
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

/** The manifest's package.repositories as the layer's sources list has them, with the key that signs them (package.signedBy) when it gives one. */
export interface LayerRepositories {
  lines: string[];
  key?: { bytes: Buffer; path: string };
}

/** How the tags of the layers built on `hostImage` begin (`wazo-harness/host-deps:HOST-`): each tag adds the hash of its inputs. */
export function dependencyLayerPrefix(hostImage: string): string {
  return `wazo-harness/host-deps:${hostImage.replace(/^.*:/, '')}-`;
}

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
  repositories: LayerRepositories = { lines: [] },
): Promise<DependencyLayer> {
  const wanted = [...new Set(dependencies)].join(', ');
  if (wanted === '' && repositories.lines.length === 0) return { image: hostImage };
  const { lines, key } = repositories;
  const keyBase64 = key?.bytes.toString('base64') ?? '';
  const tag = `${dependencyLayerPrefix(hostImage)}${contentHash([recipeDir], [hostImage, wanted, ...lines, keyBase64])}`;
  if (await imageExists(docker, tag)) return { image: tag };
  const from = lines.length > 0 ? `Debian and ${lines.length} repositor${lines.length === 1 ? 'y' : 'ies'}` : 'Debian';
  progress.step(`dependency layer: installing ${wanted || 'nothing'} from ${from} on ${hostImage} (${tag})`);
  const buildargs = { HOST_IMAGE: hostImage, DEPENDENCIES: wanted, REPOSITORIES: lines.join('\n'), KEY: keyBase64, KEYRING: key?.path ?? '' };
  const { failure, tail } = await buildImage(
    docker,
    { context: recipeDir, src: listFiles(recipeDir) },
    { t: tag, buildargs, labels: { [LABEL.harness]: 'true' }, rm: true, forcerm: true },
    'dependency layer',
    progress,
  );
  if (failure === undefined) return { image: tag };
  if (UNSATISFIABLE.test(tail.toString())) return { image: hostImage, unsatisfiable: `apt-get satisfy '${wanted}' on ${hostImage}:\n${tail}` };
  throw new HarnessError(
    'environment',
    `installing the package's dependencies (${wanted}) from ${from} on ${hostImage} failed: ${failure}\n--- last output ---\n${tail}`,
    (lines.length > 0 ? "if apt-get update of the manifest's repositories failed, check that they are reachable and signed by package.signedBy; " : '') +
      "if apt could not reach deb.debian.org, check the engine's network; if the archive no longer has a version the host image's lists name (after a Debian point release), remove the host image (docker image rm " +
      `${hostImage}) so that the next run builds it with fresh lists`,
  );
}
