// What a run learns from its packages before any host boots: what the manifest leaves to the
// unit (its PID file), and for each package file the image its hosts boot from, the host image
// with that file's own dependencies from Debian (so that a Depends the current version forgets
// is not hidden by the previous version's).
import type Docker from 'dockerode';
import type { ServiceManifest } from '../configuration/manifest';
import { readPackageContents, type PackageContents } from '../configuration/package-contents';
import { withPidFileFromUnit } from '../configuration/pid-file-from-unit';
import { displayPath } from '../display-path';
import type { RunIdentity } from '../docker/run-labels';
import { ensureDependencyLayer } from '../images/dependency-layer';
import { PATHS } from '../paths';
import type { Progress } from '../progress';

export interface PackageHosts {
  /** The manifest with what it leaves to the unit read from the package's unit. */
  checked: ServiceManifest;
  /** The image hosts of the current version boot from, and of the previous version when there is one. */
  images: { current: string; previous?: string };
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
): Promise<{ contents: PackageContents; image: string }> {
  const contents = await readPackageContents(docker, baseImage, run, file, unit);
  const layer = await ensureDependencyLayer(docker, hostImage, PATHS.recipes.dependencies, contents.dependencies, progress);
  if (layer.unsatisfiable) {
    progress.step(`dependency layer of ${displayPath(file)}: none, apt cannot satisfy its dependencies (its install will say why)`);
    progress.detail(layer.unsatisfiable);
  }
  return { contents, image: layer.image };
}

export async function packageHosts(docker: Docker, baseImage: string, hostImage: string, manifest: ServiceManifest, run: RunIdentity, progress: Progress): Promise<PackageHosts> {
  const imageFor = (file: string) => imageForPackage(docker, baseImage, hostImage, run, file, manifest.unit, progress);
  const current = await imageFor(manifest.package.file);
  const previous = manifest.package.previous ? await imageFor(manifest.package.previous.file) : undefined;
  return { checked: withPidFileFromUnit(manifest, current.contents), images: { current: current.image, ...(previous ? { previous: previous.image } : {}) } };
}
