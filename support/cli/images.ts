// `npm run --silent images -- build|list|cache-key [SUITE]`: the harness's images for scripts and CI.
//   build      builds (or finds) the base and host images a run would, and nothing else
//   list       the base and host images this checkout uses that the engine (DOCKER_HOST) has,
//              one a line: what to `docker save` into a cache or hand to another engine
//   cache-key  a key for those images from their recipes (changes when a recipe changes)
import { buildImages, imagesCacheKey, presentImages } from '../api/images';
import { stderrProgress } from '../progress';

async function main(command: string | undefined, suite = 'trixie'): Promise<number> {
  if (command === 'cache-key') {
    process.stdout.write(`${imagesCacheKey(suite)}\n`);
    return 0;
  }
  if (command === 'build') {
    const { base, host } = await buildImages(suite, stderrProgress(false), false);
    process.stdout.write(`${base}\n${host}\n`);
    return 0;
  }
  if (command === 'list') {
    const images = await presentImages(suite);
    process.stdout.write(images.map((image) => `${image}\n`).join(''));
    return 0;
  }
  process.stderr.write('usage: npm run --silent images -- build|list|cache-key [SUITE]\n');
  return 2;
}

main(process.argv[2], process.argv[3]).then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  },
);
