import type Dockerode from 'dockerode';
import { AbstractStartedContainer, type StartedTestContainer } from 'testcontainers';
import { commandLine, type Evidence, type Shell } from '../probes/evidence';
import { ExecChannels } from './exec-channel';
import type { SystemdBootWait } from './systemd-boot-wait';

/** A booted Wazo host: commands as root or as a user, files in and out, reboot, removal. */
export class StartedWazoHost extends AbstractStartedContainer implements Shell {
  private readonly channels: ExecChannels;

  constructor(
    started: StartedTestContainer,
    private readonly container: Dockerode.Container,
    private readonly bootWait: SystemdBootWait,
  ) {
    super(started);
    this.channels = new ExecChannels(container);
  }

  get name(): string {
    return this.getName().replace(/^\//, '');
  }

  /** systemd's state when the last boot finished: running, or degraded by some unit. */
  get bootState(): string {
    return this.bootWait.lastState;
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

  async copyFile(source: string, target: string): Promise<void> {
    await this.copyFilesToContainer([{ source, target, mode: 0o644 }]);
  }

  /**
   * A reboot: a clean systemd shutdown (SIGRTMIN+3; the engine kills the host only after
   * `shutdownTimeoutMs`) and a boot of the same container. testcontainers takes the timeout in
   * milliseconds and hands the engine whole seconds: the 30 once passed here became 0 s, a kill
   * right after the signal, with no unit stopped. The boot after it has the host's boot bound.
   */
  async reboot(shutdownTimeoutMs: number): Promise<void> {
    this.channels.closeAll();
    await this.restart({ timeout: shutdownTimeoutMs });
  }

  /** When the engine last started the container: the beginning of the current boot. */
  async startedAt(): Promise<Date> {
    return new Date((await this.container.inspect()).State.StartedAt);
  }

  async remove(): Promise<void> {
    this.channels.closeAll();
    await this.container.remove({ force: true, v: true }).catch(() => undefined);
  }
}
