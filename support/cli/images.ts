// `npm run --silent images -- list|cache-key [SUITE]`: the harness's images for scripts and CI.
//   list       the base and host images this checkout uses that the engine (DOCKER_HOST) has,
//              one a line: what to `docker save` into a cache or hand to another engine
//   cache-key  a key for those images from their recipes (changes when a recipe changes)
import { join } from 'node:path';
import { connectEngine } from '../docker/engine';
import { imageCacheKey, presentHarnessImages, type ImageRecipes } from '../images/harness-images';
import { PROJECT_ROOT } from '../project-root';

const RECIPES: ImageRecipes = { base: join(PROJECT_ROOT, 'docker', 'base'), host: join(PROJECT_ROOT, 'docker', 'host') };

async function main(command: string | undefined, suite = 'trixie'): Promise<number> {
  if (command === 'cache-key') {
    process.stdout.write(`${imageCacheKey(suite, RECIPES)}\n`);
    return 0;
  }
  if (command === 'list') {
    const images = await presentHarnessImages((await connectEngine()).docker, suite, RECIPES);
    process.stdout.write(images.map((image) => `${image}\n`).join(''));
    return 0;
  }
  process.stderr.write('usage: npm run --silent images -- list|cache-key [SUITE]\n');
  return 2;
}

main(process.argv[2], process.argv[3]).then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  },
);
