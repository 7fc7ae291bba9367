import Docker from 'dockerode';
import type { CgroupVersion } from '../docker/engine';
import { LABEL, runLabels, type RunIdentity } from '../docker/run-labels';
import { HOST_PORTS } from './host-ports';
import { SystemdBootWait } from './systemd-boot-wait';
import { StartedWazoHost } from './started-wazo-host';

const PUBLISHED_PORTS = Object.values(HOST_PORTS).map((port) => `${port}/tcp`);

/**
 * A Wazo host to be started (a builder, as testcontainers' GenericContainer, on dockerode
 * alone: testcontainers cost each cucumber process 0.4 s of CPU to load, for a create, a start
 * and a restart). systemd as PID 1 without --privileged (it fails on these machines), with the
 * cgroup set-up each cgroup version needs, ports published on 127.0.0.1 only.
 */
export class WazoHostContainer {
  private name?: string;
  private readonly labels: Record<string, string> = {};
  private reuse = false;

  /** `bootMs`: how long systemd may take to boot, at the start and after each reboot. */
  constructor(
    private readonly image: string,
    private readonly cgroupVersion: CgroupVersion,
    private readonly bootMs: number,
    private readonly docker = new Docker(),
  ) {}

  /** Named and labelled for its run: the run's cleanup and the janitor find it by its labels. */
  withRun(run: RunIdentity, role: string): this {
    this.name = `wazo-acceptance-${run.id}-${role}`;
    Object.assign(this.labels, runLabels(run));
    return this;
  }

  withKeep(): this {
    this.labels[LABEL.keep] = 'true';
    return this;
  }

  /** Attach to the running container of the same name when there is one (the run's shared host), else create it. */
  withReuse(): this {
    this.reuse = true;
    return this;
  }

  /** What the engine is asked to create. */
  createOptions(): Docker.ContainerCreateOptions {
    return {
      Image: this.image,
      name: this.name,
      Labels: this.labels,
      ExposedPorts: Object.fromEntries(PUBLISHED_PORTS.map((port) => [port, {}])),
      HostConfig: {
        // SYS_PTRACE: systemd reads /proc/PID/[ug]id_map of a unit's process to set up
        // PrivateUsers= for a User= unit; with ProtectProc= that process is hidden from it without
        // this capability (217/USER), where a Debian VM's root has it (examples/shapes/hardened-unit).
        CapAdd: ['SYS_ADMIN', 'SYS_PTRACE'],
        SecurityOpt: ['seccomp=unconfined', 'apparmor=unconfined'],
        Tmpfs: { '/run': 'rw', '/run/lock': 'rw' },
        // A port of the engine's choosing, on the loopback only.
        PortBindings: Object.fromEntries(PUBLISHED_PORTS.map((port) => [port, [{ HostIp: '127.0.0.1', HostPort: '' }]])),
        // The engine disables IPv6 in a container on an IPv4 network, ::1 included; a Debian host
        // has it, and a daemon may listen on ::1 or :: (examples/shapes/udp-ipv6). Per-namespace
        // sysctls: no privilege needed.
        Sysctls: { 'net.ipv6.conf.all.disable_ipv6': '0', 'net.ipv6.conf.lo.disable_ipv6': '0' },
        // cgroup v1 (verified here): systemd only needs to read the host's hierarchy. cgroup v2:
        // a private cgroup namespace that the image's entrypoint remounts read-write
        // (CAP_SYS_ADMIN), so systemd manages its own subtree without the host's hierarchy.
        ...(this.cgroupVersion === '1' ? { Binds: ['/sys/fs/cgroup:/sys/fs/cgroup:ro'] } : { CgroupnsMode: 'private' }),
      },
    };
  }

  /** The host once systemd in it has booted (the boot wait's error otherwise). */
  async start(): Promise<StartedWazoHost> {
    const bootWait = new SystemdBootWait(this.bootMs);
    const running = this.reuse ? await this.runningContainer() : undefined;
    const container = running ?? (await this.docker.createContainer(this.createOptions()));
    if (!running) await container.start();
    await bootWait.waitUntilReady(container);
    return new StartedWazoHost(container, await container.inspect(), bootWait);
  }

  /** The running container of this name, if any. */
  private async runningContainer(): Promise<Docker.Container | undefined> {
    if (!this.name) throw new Error('a reused host needs a name: call withRun first');
    const container = this.docker.getContainer(this.name);
    const info = await container.inspect().catch(() => undefined);
    return info?.State.Running ? container : undefined;
  }
}
