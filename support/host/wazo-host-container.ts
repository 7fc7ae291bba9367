import Docker from 'dockerode';
import { GenericContainer } from 'testcontainers';
import type { CgroupVersion } from '../docker/engine';
import { LABEL, runLabels, type RunIdentity } from '../docker/run-labels';
import { SystemdBootWait } from './systemd-boot-wait';
import { StartedWazoHost } from './started-wazo-host';

/** Ports of the host the harness talks to: nginx (HTTPS) and consul's HTTP API. */
export const HOST_PORTS = { https: 443, consul: 8500 } as const;

/**
 * A Wazo host to be started: systemd as PID 1 without --privileged (it fails on these
 * machines), with the cgroup set-up each cgroup version needs, ports published on
 * 127.0.0.1 only.
 */
export class WazoHostContainer extends GenericContainer {
  private readonly bootWait: SystemdBootWait;

  /** `bootMs`: how long systemd may take to boot, at the start and after each reboot. */
  constructor(
    image: string,
    private readonly cgroupVersion: CgroupVersion,
    bootMs: number,
  ) {
    super(image);
    this.bootWait = new SystemdBootWait(bootMs);
    // SYS_PTRACE: systemd reads /proc/PID/[ug]id_map of a unit's process to set up
    // PrivateUsers= for a User= unit; with ProtectProc= that process is hidden from it without
    // this capability (217/USER), where a Debian VM's root has it (examples/shapes/hardened-unit).
    this.withAddedCapabilities('SYS_ADMIN', 'SYS_PTRACE')
      .withSecurityOpt('seccomp=unconfined', 'apparmor=unconfined')
      .withTmpFs({ '/run': 'rw', '/run/lock': 'rw' })
      .withExposedPorts(HOST_PORTS.https, HOST_PORTS.consul)
      .withWaitStrategy(this.bootWait);
    if (cgroupVersion === '1') {
      // cgroup v1 (verified here): systemd only needs to read the host's hierarchy.
      this.withBindMounts([{ source: '/sys/fs/cgroup', target: '/sys/fs/cgroup', mode: 'ro' }]);
    }
  }

  withRun(run: RunIdentity, role: string): this {
    return this.withName(`wazo-acceptance-${run.id}-${role}`).withLabels(runLabels(run));
  }

  withKeep(): this {
    return this.withLabels({ [LABEL.keep]: 'true' });
  }

  protected override async beforeContainerCreated(): Promise<void> {
    // The engine disables IPv6 in a container on an IPv4 network, ::1 included; a Debian host
    // has it, and a daemon may listen on ::1 or :: (examples/shapes/udp-ipv6). Per-namespace
    // sysctls: no privilege needed.
    this.hostConfig.Sysctls = { ...this.hostConfig.Sysctls, 'net.ipv6.conf.all.disable_ipv6': '0', 'net.ipv6.conf.lo.disable_ipv6': '0' };
    for (const bindings of Object.values(this.hostConfig.PortBindings ?? {}) as Array<Array<{ HostIp?: string }>>) {
      for (const binding of bindings) binding.HostIp = '127.0.0.1';
    }
    if (this.cgroupVersion === '2') {
      // cgroup v2: a private cgroup namespace that the image's entrypoint remounts read-write
      // (CAP_SYS_ADMIN), so systemd manages its own subtree without the host's hierarchy.
      (this.hostConfig as { CgroupnsMode?: string }).CgroupnsMode = 'private';
    }
  }

  override async start(): Promise<StartedWazoHost> {
    const started = await super.start();
    const container = new Docker().getContainer(started.getId());
    return new StartedWazoHost(started, container, this.bootWait);
  }
}
