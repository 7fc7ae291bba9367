// The package files of a run, checked as early as they can be: those that exist before any
// engine at once, those the project builds with the images (an example's) after them.
import type Docker from 'dockerode';
import type { ServiceManifest } from '../configuration/manifest';
import { assertDebianPackage } from '../configuration/package-file';
import { assertPackageIdentity, assertPackageIdentityLocally, hasLocalDpkgDeb } from '../configuration/package-preflight';
import type { RunIdentity } from '../docker/run-labels';
import { displayPath } from '../display-path';
import { PATHS } from '../paths';

export interface PackageFile {
  file: string;
  role: 'current' | 'previous';
  /** Built by the project with the images (an example's package): it exists only after them. */
  builtWithImages: boolean;
  /** What to do when the file is not there: fetch it, when the manifest takes it from its repositories. */
  whenMissing?: string;
}

function packageFiles(manifest: ServiceManifest, explicitPackage: boolean): PackageFile[] {
  const { builtFrom, previous } = manifest.package;
  const examples = builtFrom === 'examples';
  const fetch = builtFrom === 'repositories' ? `fetch it from the manifest's repositories first: npm run fetch-package -- --manifest ${displayPath(manifest.source)}` : undefined;
  return [
    { file: manifest.package.file, role: 'current', builtWithImages: examples && !explicitPackage, whenMissing: explicitPackage ? undefined : fetch },
    // A previous version `from` a source was downloaded before these checks (previous-package.ts).
    ...(previous ? [{ file: previous.file, role: 'previous' as const, builtWithImages: examples && previous.from === 'file', whenMissing: fetch }] : []),
  ];
}

/**
 * Package files read on this machine: the ar structure in JavaScript, the content and name
 * with dpkg-deb where it is installed. Returns those whose content and name are still to be
 * read (in a container of the base image, once there is one).
 */
function assertPackagesHere(packages: PackageFile[], name: string): PackageFile[] {
  const local = hasLocalDpkgDeb();
  for (const { file, role, whenMissing } of packages) {
    assertDebianPackage(file, role, whenMissing);
    if (local) assertPackageIdentityLocally(file, name);
  }
  return local ? [] : packages;
}

/** The package files that exist now, checked before any engine; returns those to check once the images exist. */
export function checkPackagesNow(manifest: ServiceManifest, explicitPackage: boolean): PackageFile[] {
  const packages = packageFiles(manifest, explicitPackage);
  return [...assertPackagesHere(packages.filter((p) => !p.builtWithImages), manifest.package.name), ...packages.filter((p) => p.builtWithImages)];
}

/**
 * After the images: the packages the project builds itself (they exist only now), and what no
 * dpkg-deb on this machine could read, read in a container of the base image.
 */
export async function checkPackagesAfterImages(docker: Docker, baseImage: string, manifest: ServiceManifest, pending: PackageFile[], run: RunIdentity): Promise<void> {
  const built = pending.filter((p) => p.builtWithImages);
  const unread = [...assertPackagesHere(built, manifest.package.name), ...pending.filter((p) => !p.builtWithImages)];
  for (const { file } of unread) {
    await assertPackageIdentity(docker, baseImage, run, file, manifest.package.name, PATHS.packageNames);
  }
}
