import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnvironmentLimit, type Outcome } from '../checks/check';
import type { Installation } from '../host/package-installer';
import { pollUntil, seconds } from '../poll';
import { writeFileWhole } from '../whole-file';

/** What the worker that booted and installed the run's shared host tells the other workers. */
export type Handoff = { installation: Installation } | { environment: Outcome } | { error: string };

const CLAIM = 'claimed';
const PUBLISHED = 'published.json';
const TAINTED = 'tainted';
const CHANGED_BY = 'changed-by';
const POLL_MS = 200;

/**
 * Cucumber's workers are processes, and each used to boot a shared host of its own: one host
 * per run instead costs a boot and an install less per extra worker (about 8 s of CPU each on
 * a 2-core machine, measured 2026-11-30). The first worker to claim the run's directory boots
 * and installs; the others wait for its word, then attach to the same container.
 */
export class SharedHostHandoff {
  constructor(private readonly dir: string) {}

  /** True for exactly one worker of the run: mkdir is atomic across processes. */
  claim(): boolean {
    try {
      mkdirSync(join(this.dir, CLAIM));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }

  /** Written whole, then renamed: a reader never sees half of it. */
  publish(handoff: Handoff): void {
    writeFileWhole(join(this.dir, PUBLISHED), JSON.stringify(handoff), 0o600);
  }

  /** Whether the claiming worker has given its word (the host installed, or why not). */
  isPublished(): boolean {
    return this.readText(PUBLISHED) !== undefined;
  }

  /** The claiming worker's word, or an EnvironmentLimit if it never came within the bound. */
  async published(timeoutMs: number): Promise<Handoff> {
    const { last } = await pollUntil(() => this.read(), (handoff) => handoff !== undefined, { timeoutMs, intervalMs: POLL_MS });
    if (last !== undefined) return last;
    throw new EnvironmentLimit({
      expected: `the worker that boots the run's shared host to say within ${seconds(timeoutMs)} that it is installed`,
      found: 'no word from it (its process may have died)',
      evidence: [],
    });
  }

  /**
   * A scenario after the readers failed on the shared host, or left it changed: the ones after
   * it take a host of their own, so that their verdicts never depend on its failure. The first
   * word is kept: it names the cause.
   */
  taint(reason: string): void {
    if (this.tainted() === undefined) writeFileWhole(join(this.dir, TAINTED), reason, 0o600);
  }

  /** Why the shared host may no longer take a scenario, or undefined. */
  tainted(): string | undefined {
    return this.readText(TAINTED);
  }

  /** A scenario after the readers ran on the shared host (it stopped and started services there). */
  changedBy(scenario: string): void {
    writeFileWhole(join(this.dir, CHANGED_BY), scenario, 0o600);
  }

  /** The last scenario after the readers that ran on the shared host, or undefined. */
  lastChange(): string | undefined {
    return this.readText(CHANGED_BY);
  }

  /** A file of the run's directory, or undefined while no worker has written it. */
  private readText(name: string): string | undefined {
    try {
      return readFileSync(join(this.dir, name), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return undefined;
    }
  }

  /** The published word, or undefined while there is none. */
  private async read(): Promise<Handoff | undefined> {
    const text = this.readText(PUBLISHED);
    return text === undefined ? undefined : (JSON.parse(text) as Handoff);
  }
}

/** What a worker's failure becomes for the others: the same EnvironmentLimit, or the same message. */
export function handoffOfError(error: unknown): Handoff {
  if (error instanceof EnvironmentLimit) return { environment: error.outcome };
  return { error: error instanceof Error ? error.message : String(error) };
}

export function installationOf(handoff: Handoff): Installation {
  if ('installation' in handoff) return handoff.installation;
  if ('environment' in handoff) throw new EnvironmentLimit(handoff.environment);
  throw new Error(`the run's shared host could not be prepared by another worker: ${handoff.error}`);
}
