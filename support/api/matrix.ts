// The CI matrix (`npm run matrix`): one leg per service, or per shard of them.
import type { PackageOrigin } from '../configuration/manifest';
import { loadManifest } from '../configuration/manifest-loader';
import { ServiceCatalog } from '../configuration/service-catalog';
import { PATHS } from '../paths';

export interface MatrixRequest {
  /** N slices "1/N".."N/N" for `--all --shard I/N` legs, instead of the services. */
  shards?: number;
  /** Only the services whose manifest says package.builtFrom ORIGIN. */
  builtFrom?: PackageOrigin;
}

/** The legs; with --built-from, every manifest is read (and an invalid one refused) even when shards are printed. */
export function ciMatrix({ shards, builtFrom }: MatrixRequest): string[] {
  const catalog = new ServiceCatalog(PATHS.services);
  const services = builtFrom ? catalog.names().filter((name) => loadManifest(catalog.manifestFile(name)).package.builtFrom === builtFrom) : catalog.names();
  return shards ? Array.from({ length: shards }, (_, i) => `${i + 1}/${shards}`) : services;
}
