// What a run learns from its packages before any host boots: what the manifest leaves to the
// unit (its PID file), and for each package file the image its hosts boot from, the host image
// with that file's own dependencies from Debian (so that a Depends the current version forgets
// is not hidden by the previous version's).
import { readFileSync } from 'node:fs';
import type Docker from 'dockerode';
import type { ServiceManifest } from '../configuration/manifest';
import { readPackageContents, type PackageContents } from '../configuration/package-contents';
import { keyFileName } from '../apt-repositories';
import { withPidFileFromUnit } from '../configuration/pid-file-from-unit';
import { displayPath } from '../display-path';
import type { RunIdentity } from '../docker/run-labels';
import { ensureDependencyLayer, type LayerRepositories } from '../images/dependency-layer';
import { signedBy } from '../apt-repositories';
import { PATHS } from '../paths';
import type { Progress } from '../progress';

export interface PackageHosts {
  /** The manifest with what it leaves to the unit read from the package's unit. */
  checked: ServiceManifest;
  /** The image hosts of the current version boot from, and of the previous version when there is one. */
  images: { current: string; previous?: string };
}

/**
 * The manifest's repositories as a host that uses them lists them: verified with the key of
 * package.signedBy (in /usr/share/keyrings, named as apt reads it) when the manifest gives one.
 */
export function layerRepositories(manifest: ServiceManifest): LayerRepositories {
  const { repositories, signedBy: keyFile } = manifest.package;
  if (!keyFile) return { lines: repositories };
  const bytes = readFileSync(keyFile);
  const path = `/usr/share/keyrings/wazo-acceptance-${keyFileName(bytes)}`;
  return { lines: repositories.map((line) => signedBy(line, path)), key: { bytes, path } };
}

/** The image a host with package `file` installed boots from: the host image with the file's dependencies. */
export async function imageForPackage(
  docker: Docker,
  baseImage: string,
  hostImage: string,
  run: RunIdentity,
  file: string,
  unit: string,
  progress: Progress,
  repositories?: LayerRepositories,
): Promise<{ contents: PackageContents; image: string }> {
  const contents = await readPackageContents(docker, baseImage, run, file, unit);
  const layer = await ensureDependencyLayer(docker, hostImage, PATHS.recipes.dependencies, contents.dependencies, progress, repositories);
  if (layer.unsatisfiable) {
    progress.step(`dependency layer of ${displayPath(file)}: none, apt cannot satisfy its dependencies (its install will say why)`);
    progress.detail(layer.unsatisfiable);
  }
  return { contents, image: layer.image };
}

export async function packageHosts(docker: Docker, baseImage: string, hostImage: string, manifest: ServiceManifest, run: RunIdentity, progress: Progress): Promise<PackageHosts> {
  const repositories = layerRepositories(manifest);
  const imageFor = (file: string) => imageForPackage(docker, baseImage, hostImage, run, file, manifest.unit, progress, repositories);
  const current = await imageFor(manifest.package.file);
  const previous = manifest.package.previous ? await imageFor(manifest.package.previous.file) : undefined;
  return { checked: withPidFileFromUnit(manifest, current.contents), images: { current: current.image, ...(previous ? { previous: previous.image } : {}) } };
}
