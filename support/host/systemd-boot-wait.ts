import type Dockerode from 'dockerode';
import type { BoundPorts, WaitStrategy } from 'testcontainers';
import { pollUntil } from '../poll';
import { runInContainer } from './container-exec';

/** The states of `systemctl is-system-running` that end a boot. */
const settled = new Set(['running', 'degraded']);

/**
 * Waits until systemd in the host has finished booting. `degraded` also ends the wait:
 * a unit unrelated to the service may fail in a container, and the checks judge the
 * service's own units; the state seen is kept so that reports can show it. The same wait
 * bounds the boot after each reboot (testcontainers runs it again on a restart).
 */
export class SystemdBootWait implements WaitStrategy {
  lastState = 'unknown';

  /** `timeoutMs`: the boot bound, given by whoever builds the host (no default of its own). */
  constructor(private timeoutMs: number) {}

  async waitUntilReady(container: Dockerode.Container, _boundPorts: BoundPorts): Promise<void> {
    const deadline = Date.now() + this.timeoutMs;
    const boot = await pollUntil(
      async () => {
        const remaining = Math.ceil((deadline - Date.now()) / 1000);
        // `--wait` blocks until boot finishes; `timeout` bounds it so that a hung boot is reported.
        const result = await runInContainer(container, ['timeout', String(Math.max(remaining, 1)), 'systemctl', 'is-system-running', '--wait']).catch(
          (error: Error) => ({ stdout: '', stderr: error.message, exitCode: -1 }),
        );
        this.lastState = result.stdout.trim() || result.stderr.trim() || `exit ${result.exitCode}`;
        return result.stdout.trim();
      },
      (state) => settled.has(state),
      { timeoutMs: this.timeoutMs, intervalMs: 250 },
    );
    if (!boot.satisfied) {
      throw new Error(
        `systemd in the host did not finish booting within ${this.timeoutMs / 1000} s ` +
          `(waited for \`systemctl is-system-running --wait\` to say running or degraded; last state: ${this.lastState})`,
      );
    }
  }

  withStartupTimeout(startupTimeoutMs: number): this {
    this.timeoutMs = startupTimeoutMs;
    return this;
  }

  // Always set: the constructor takes the bound.
  isStartupTimeoutSet(): boolean {
    return true;
  }

  getStartupTimeout(): number {
    return this.timeoutMs;
  }
}
