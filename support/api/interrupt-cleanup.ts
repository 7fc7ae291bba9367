// Ctrl-C or SIGTERM during a run: what is on the machine is undone and the run's containers
// removed before the process exits with the signal's code.
import type { Engine } from '../docker/engine';
import { removeRunResourcesSettled } from '../docker/janitor';
import type { RunIdentity } from '../docker/run-labels';
import { ExitCode } from '../errors';
import { markInterrupted, undoAll } from '../interrupts';

/** Returns how to hand signals over to someone else (the per-service runs of --all). */
export function removeOnInterrupt(engine: Engine, run: RunIdentity): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (!markInterrupted()) return;
    process.stderr.write(`\n${signal}: stopping; removing the containers of run ${run.id}...\n`);
    undoAll();
    removeRunResourcesSettled(engine.docker, run.id)
      .catch(() => undefined)
      .finally(() => process.exit(signal === 'SIGINT' ? ExitCode.interrupted : ExitCode.terminated));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
