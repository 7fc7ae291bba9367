import { connectEngine, type Engine } from '../docker/engine';
import { removeRunResources } from '../docker/janitor';
import { newRunIdentity, type RunIdentity } from '../docker/run-labels';
import type { StartedWazoHost } from '../host/started-wazo-host';
import { WazoHostContainer } from '../host/wazo-host-container';
import { quietProgress, type Progress } from '../progress';
import { TIMEOUTS } from '../runtime/timeouts';
import { prepareImages } from './images';
import { imageForPackage } from './package-hosts';

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

  static async open(suite = 'trixie', progress: Progress = quietProgress): Promise<Lab> {
    const engine = await connectEngine();
    const run = newRunIdentity();
    const { base, host } = await prepareImages(engine.docker, suite, progress, { run });
    return new Lab(engine, run, base, host);
  }

  /** A host of `image`: by default the bare host image, or a package's (packageImage). */
  boot(role: string, image = this.hostImage): Promise<StartedWazoHost> {
    return new WazoHostContainer(image, this.engine.cgroupVersion, TIMEOUTS.boot).withRun(this.run, `${role}-${++this.booted}`).start();
  }

  /** The image a host with package `file` boots from in a run: the host image with the file's dependencies from Debian. */
  async packageImage(file: string, unit: string): Promise<string> {
    return (await imageForPackage(this.engine.docker, this.baseImage, this.hostImage, this.run, file, unit, quietProgress)).image;
  }

  async close(): Promise<void> {
    await removeRunResources(this.engine.docker, { runId: this.run.id });
  }
}
