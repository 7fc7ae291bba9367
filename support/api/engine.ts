// The engine a run works on, reached once the janitor removed what ended runs left on it.
import { connectEngine, type Engine } from '../docker/engine';
import { removeRunResources, type Leftovers } from '../docker/janitor';

/**
 * At the start of a run: every leftover but the hosts kept on purpose (the default); for
 * `--cleanup`, those too, or one run's. What was removed is said on stderr.
 */
export async function cleanEngine(which?: Leftovers): Promise<Engine> {
  const engine = await connectEngine();
  const stale = await removeRunResources(engine.docker, which);
  const left = [...stale.containers, ...stale.directories];
  if (left.length > 0) process.stderr.write(`removed leftovers of ended runs: ${left.join(', ')}\n`);
  return engine;
}

/** `--cleanup [RUN]`: what ended runs left behind, kept hosts included, or only that run's. */
export async function cleanup(runId?: string): Promise<void> {
  await cleanEngine(runId ? { runId } : { ended: true, kept: true });
}
