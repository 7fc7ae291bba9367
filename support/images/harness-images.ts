import type Docker from 'dockerode';
import { imageExists } from '../docker/engine';
import { MIRROR } from '../debian-mirror';
import { existingBaseImage } from './base-image';
import { contentHash } from './content-hash';
import { hostImageTag, isImageInput } from './host-image';

export interface ImageRecipes {
  base: string;
  host: string;
}

/**
 * The images a run of this checkout would use that the engine already has, looked up as
 * resolveBaseImage and ensureHostImage look them up, building and pulling nothing: what can be
 * handed to another engine (`docker save | docker load`) so that it finds them by tag.
 */
export async function presentHarnessImages(docker: Docker, suite: string, recipes: ImageRecipes): Promise<string[]> {
  const base = await existingBaseImage(docker, suite, recipes.base);
  if (base === undefined) return [];
  const host = await hostImageTag(docker, base, suite, recipes.host);
  return (await imageExists(docker, host)) ? [base, host] : [base];
}

/**
 * A key for caching those images between CI runs, from their recipes only: the host image's
 * own tag hashes the base image's id, which is known only once the base image exists (and a
 * debootstrapped one gets a new id at each build), so the key cannot wait for it.
 */
export function imageCacheKey(suite: string, recipes: ImageRecipes): string {
  return `wazo-harness-images-${suite}-${contentHash([recipes.base, recipes.host], [suite, MIRROR], isImageInput)}`;
}
