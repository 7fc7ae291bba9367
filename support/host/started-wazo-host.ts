import { readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import type Dockerode from 'dockerode';
import { pack } from 'tar-stream';
import { commandLine, type Evidence, type Shell } from '../probes/evidence';
import { ExecChannels } from './exec-channel';
import type { SystemdBootWait } from './systemd-boot-wait';

/** A booted Wazo host: commands as root or as a user, files in and out, reboot, removal. */
export class StartedWazoHost implements Shell {
  private readonly channels: ExecChannels;

  /** `info`: the engine's view of the container since its last (re)start (its published ports change at each). */
  constructor(
    private readonly container: Dockerode.Container,
    private info: Dockerode.ContainerInspectInfo,
    private readonly bootWait: SystemdBootWait,
  ) {
    this.channels = new ExecChannels(container);
  }

  getId(): string {
    return this.container.id;
  }

  get name(): string {
    return this.info.Name.replace(/^\//, '');
  }

  /** systemd's state when the last boot finished: running, or degraded by some unit. */
  get bootState(): string {
    return this.bootWait.lastState;
  }

  /** The port of 127.0.0.1 the engine publishes the host's TCP `port` on. */
  getMappedPort(port: number): number {
    const binding = this.info.NetworkSettings.Ports[`${port}/tcp`]?.[0];
    if (!binding) throw new Error(`host ${this.name} does not publish its port ${port}`);
    return Number(binding.HostPort);
  }

  async run(command: string[], options: { user?: string } = {}): Promise<Evidence> {
    const user = options.user ?? 'root';
    const result = await this.channels.run(command, user);
    return { command: commandLine(command), user, ...result };
  }

  /** A shell snippet, for the few probes that need a pipe. */
  sh(script: string, options: { user?: string } = {}): Promise<Evidence> {
    return this.run(['sh', '-c', script], options);
  }

  /** The file `source` of this machine as `target` in the host (mode 0644, root's; missing directories made). */
  async copyFile(source: string, target: string): Promise<void> {
    const archive = pack();
    archive.entry({ name: posix.relative('/', target), mode: 0o644 }, await readFile(source));
    archive.finalize();
    const tar: Buffer[] = [];
    for await (const chunk of archive) tar.push(chunk as Buffer);
    await this.container.putArchive(Buffer.concat(tar), { path: '/' });
  }

  /**
   * A reboot: a systemd shutdown (SIGRTMIN+3; the engine kills the host only after
   * `shutdownTimeoutMs`, in whole seconds: the 30 once passed here as milliseconds became 0 s,
   * a kill right after the signal, with no unit stopped) and a boot of the same container,
   * within the host's boot bound. Says whether systemd finished the shutdown itself (exit 0)
   * or the engine killed it at the bound (a unit that would not stop).
   */
  async reboot(shutdownTimeoutMs: number): Promise<{ shutdown: 'clean' | 'killed'; exitCode: number }> {
    this.channels.closeAll();
    await this.container.stop({ t: Math.ceil(shutdownTimeoutMs / 1000) });
    const { ExitCode } = (await this.container.inspect()).State;
    await this.container.start();
    this.info = await this.container.inspect();
    await this.bootWait.waitUntilReady(this.container);
    return { shutdown: ExitCode === 0 ? 'clean' : 'killed', exitCode: ExitCode };
  }

  /** When the engine last started the container: the beginning of the current boot (read at that start, no new inspect). */
  async startedAt(): Promise<Date> {
    return new Date(this.info.State.StartedAt);
  }

  async remove(): Promise<void> {
    this.channels.closeAll();
    await this.container.remove({ force: true, v: true }).catch(() => undefined);
  }
}
