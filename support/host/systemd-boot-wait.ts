import type Dockerode from 'dockerode';
import { PassThrough, Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { pollUntil } from '../poll';
import { runInContainer } from './container-exec';

/** The states of `systemctl is-system-running` that end a boot. */
const settled = new Set(['running', 'degraded']);

/** How much of an exited host's console output its error quotes: systemd's last words. */
const LOG_TAIL_LINES = 15;

/** A host whose container stopped during the wait: nothing will ever answer again. */
interface Exited {
  exitCode: number;
  oomKilled: boolean;
  error: string;
  logTail: string;
}

interface BootRead {
  state: string;
  exited?: Exited;
}

/**
 * Waits until systemd in the host has finished booting. `degraded` also ends the wait:
 * a unit unrelated to the service may fail in a container, and the checks judge the
 * service's own units; the state seen is kept so that reports can show it. The same wait
 * bounds the boot after each reboot.
 * A container that stops meanwhile (systemd, its PID 1, exited) ends the wait at once, with
 * its exit code and last console lines: polling it to the bound would say only "not running".
 */
export class SystemdBootWait {
  lastState = 'unknown';

  /** `timeoutMs`: the boot bound, given by whoever builds the host (no default of its own). */
  constructor(private readonly timeoutMs: number) {}

  async waitUntilReady(container: Dockerode.Container): Promise<void> {
    const deadline = Date.now() + this.timeoutMs;
    const boot = await pollUntil(
      async (): Promise<BootRead> => {
        const remaining = Math.ceil((deadline - Date.now()) / 1000);
        // `--wait` blocks until boot finishes; `timeout` bounds it so that a hung boot is reported.
        const result = await runInContainer(container, ['timeout', String(Math.max(remaining, 1)), 'systemctl', 'is-system-running', '--wait']).catch(
          (error: Error) => ({ stdout: '', stderr: error.message, exitCode: -1 }),
        );
        this.lastState = result.stdout.trim() || result.stderr.trim() || `exit ${result.exitCode}`;
        const exited = result.exitCode === -1 ? await exitOf(container) : undefined;
        return { state: result.stdout.trim(), exited };
      },
      ({ state, exited }) => settled.has(state) || exited !== undefined,
      { timeoutMs: this.timeoutMs, intervalMs: 250 },
    );
    const { exited } = boot.last;
    if (exited) {
      this.lastState = `exited with code ${exited.exitCode}`;
      throw new Error(
        `the host's container stopped during its boot, ${(boot.waitedMs / 1000).toFixed(1)} s into the wait: ` +
          `systemd (its PID 1) exited with code ${exited.exitCode}${exited.oomKilled ? ', killed for lack of memory' : ''}` +
          `${exited.error ? ` (engine: ${exited.error})` : ''}; its last console lines:\n${exited.logTail || '(none: systemd writes to its journal, inside the stopped container)'}`,
      );
    }
    if (!boot.satisfied) {
      throw new Error(
        `systemd in the host did not finish booting within ${this.timeoutMs / 1000} s ` +
          `(waited for \`systemctl is-system-running --wait\` to say running or degraded; last state: ${this.lastState})`,
      );
    }
  }
}

/** The container's end when it is no longer running (an exec failed); undefined while it runs or cannot be read. */
async function exitOf(container: Dockerode.Container): Promise<Exited | undefined> {
  const info = await container.inspect().catch(() => undefined);
  if (!info || info.State.Running) return undefined;
  const logs = await container.logs({ stdout: true, stderr: true, tail: LOG_TAIL_LINES, follow: false }).catch(() => undefined);
  return { exitCode: info.State.ExitCode, oomKilled: info.State.OOMKilled, error: info.State.Error, logTail: logs ? await consoleText(container.modem, logs) : '' };
}

/**
 * The text of a container's log as the engine returns it: without a TTY, each line comes in a
 * frame whose header says its stream and length; the modem's demuxer (the one execs use) reads them.
 */
async function consoleText(modem: Dockerode.Container['modem'], logs: Buffer): Promise<string> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough().on('data', (chunk: Buffer) => chunks.push(chunk));
  const source = Readable.from([logs]);
  modem.demuxStream(source, sink, sink);
  await finished(source);
  return Buffer.concat(chunks).toString('utf8').replace(/\s+$/, '');
}
