import { join } from 'node:path';
import { connectEngine, type Engine } from '../docker/engine';
import { removeRunResources } from '../docker/janitor';
import { newRunIdentity, type RunIdentity } from '../docker/run-labels';
import { resolveBaseImage } from '../images/base-image';
import { ensureExamplePackages } from '../images/example-packages';
import { ensureHostImage } from '../images/host-image';
import type { Progress } from '../progress';
import { PROJECT_ROOT } from '../project-root';
import { TIMEOUTS } from '../runtime/timeouts';
import type { StartedWazoHost } from './started-wazo-host';
import { WazoHostContainer } from './wazo-host-container';

export const ROOT = PROJECT_ROOT;
export const RECIPES = {
  base: join(ROOT, 'recipes', 'base'),
  host: join(ROOT, 'recipes', 'host'),
  examples: join(ROOT, 'examples'),
  exampleDebs: join(ROOT, 'build', 'debs'),
};

const quiet: Progress = { step: () => undefined, detail: () => undefined };

/**
 * Hosts outside a cucumber run, for the bench and integration specs: the same images and
 * example packages as `npm run acceptance`, hosts labelled with a run of their own, all
 * removed by close() (or by the janitor if the process dies).
 */
export class Lab {
  private booted = 0;

  private constructor(
    readonly engine: Engine,
    readonly run: RunIdentity,
    readonly baseImage: string,
    readonly hostImage: string,
  ) {}

  static async open(suite = 'trixie', progress: Progress = quiet): Promise<Lab> {
    process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true'; // as in the CLI: labels + the janitor clean up
    const engine = await connectEngine();
    const run = newRunIdentity();
    const baseImage = await resolveBaseImage(engine.docker, suite, RECIPES.base, progress);
    const hostImage = await ensureHostImage(engine.docker, baseImage, suite, RECIPES.host, progress);
    await ensureExamplePackages(engine.docker, baseImage, RECIPES.examples, RECIPES.exampleDebs, run, progress);
    return new Lab(engine, run, baseImage, hostImage);
  }

  boot(role: string): Promise<StartedWazoHost> {
    return new WazoHostContainer(this.hostImage, this.engine.cgroupVersion, TIMEOUTS.boot).withRun(this.run, `${role}-${++this.booted}`).start();
  }

  async close(): Promise<void> {
    await removeRunResources(this.engine.docker, { runId: this.run.id });
  }
}
