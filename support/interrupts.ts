/**
 * What an interrupted run must undo besides its labelled containers: child processes
 * (debootstrap) and directories on the machine (a debootstrap root, a staging build).
 * Registered while they exist; the CLI's signal handler runs them all, synchronously.
 */
const undos = new Set<() => void>();
let interrupted = false;

/** Set once a signal arrived: from then on the signal handler alone decides the exit. */
export function markInterrupted(): boolean {
  const first = !interrupted;
  interrupted = true;
  return first;
}

export function isInterrupted(): boolean {
  return interrupted;
}

export function undoOnInterrupt(undo: () => void): () => void {
  undos.add(undo);
  return () => undos.delete(undo);
}

export function undoAll(): void {
  for (const undo of undos) {
    try {
      undo();
    } catch {
      // Best effort: the next undo and the container removal must still run.
    }
  }
  undos.clear();
}
