/** A service manifest: the single source of per-service facts the generic features check against. */
export interface PackageVersion {
  /** Absolute path of the .deb, resolved against the manifest's directory. */
  file: string;
  /** Debian version dpkg must report once this file is installed. */
  version: string;
}

/**
 * `package.previous.from`: the previous version is not a file beside the manifest but a version
 * apt downloads before any host boots, from Debian's archive for the host's suite (a third-party
 * daemon whose new build must upgrade from the version Debian ships) or from package.repositories.
 */
export const PREVIOUS_SOURCES = ['debian', 'repositories'] as const;
export type PreviousSource = (typeof PREVIOUS_SOURCES)[number];

/** The version upgrades start from (manifest `package.previous`). */
export interface PreviousVersion extends PackageVersion {
  /**
   * file: the manifest gives the file; otherwise apt downloads the version from this source
   * before the run (support/configuration/previous-package.ts) and `file` is its place in the
   * harness's cache.
   */
  from: 'file' | PreviousSource;
}

/** The transports a declared port may use (manifest `ports[].protocol`). */
export const PORT_PROTOCOLS = ['tcp', 'udp'] as const;

/** A port the service listens on (manifest `ports`): every one it opens is declared. */
export interface DeclaredPort {
  port: number;
  protocol: (typeof PORT_PROTOCOLS)[number];
  /** Any IPv4 or IPv6 address (0.0.0.0, ::, 127.0.0.1, ::1, a specific one), canonical (support/ip-address.ts). */
  listen: string;
}

/** The REST API a service offers (manifest `api`), on one TCP entry of `ports`. */
export interface ServiceApi {
  protocol: 'http' | 'https';
  /** The address of its `ports` entry (the manifest's `api` names the port only). */
  listen: string;
  port: number;
  version: string;
  /** nginx exposes the API under /api/<shortName>/ */
  shortName: string;
  requiresToken: boolean;
  /** GET paths relative to the API root (e.g. /status) that the @http checks request. */
  paths: string[];
}

/**
 * `package.builtFrom`: examples, the project builds the files itself (the example services);
 * repositories, `npm run fetch-package` downloads them from `package.repositories` to `file`.
 */
export const PACKAGE_ORIGINS = ['examples', 'repositories'] as const;
export type PackageOrigin = (typeof PACKAGE_ORIGINS)[number];

/** `logFile: journal`: the service logs to the journal (stdout/stderr, syslog), no log file. */
export const LOG_TO_JOURNAL = 'journal';

/**
 * The roles of the package's units besides the service's own (manifest `units`): `activation`,
 * the .socket that starts the service on its first connection (the boot starts the socket, not
 * the service); `timer`, a .timer the package enables (its oneshot service is not the daemon).
 */
export const UNIT_ROLES = ['activation', 'timer'] as const;
export type UnitRole = (typeof UNIT_ROLES)[number];

/** The unit name suffix each role takes (validated by the loader). */
export const UNIT_ROLE_SUFFIXES: Record<UnitRole, string> = { activation: '.socket', timer: '.timer' };

/** A unit of the package besides the service unit (manifest `units`). */
export interface PackageUnit {
  unit: string;
  role: UnitRole;
}

/**
 * A manifest without pidFile takes the PID file from its unit's PIDFile=: not read yet (the
 * package is read before the run starts), or read from `unitPath` in the package (undefined:
 * the package ships no such unit).
 */
export type PidFileFromUnit = { read: false } | { read: true; unitPath: string | undefined };

export interface ServiceManifest {
  /** Where the manifest was read from: error messages name it. */
  source: string;
  name: string;
  package: PackageVersion & {
    /** Debian package name (Package: field); defaults to the service name. */
    name: string;
    previous?: PreviousVersion;
    /** Where the .deb files come from when not from the user's hands (see PACKAGE_ORIGINS). */
    builtFrom?: PackageOrigin;
    /** Apt sources besides Debian stable that the package's dependencies may come from. */
    repositories: string[];
    /** Absolute path of the OpenPGP key that signs the repositories. */
    signedBy?: string;
  };
  /** The service unit: the one that runs the daemon. */
  unit: string;
  /** The package's other units (its activation socket, its timers); [] when it ships only `unit`. */
  units: PackageUnit[];
  user: string;
  /** An absolute path, or LOG_TO_JOURNAL. */
  logFile: string;
  /**
   * The PID file item 5 judges: the manifest's pidFile or, where the manifest leaves it out, the
   * PIDFile= of the unit the package ships (see pidFileFromUnit). Undefined: no PID file to judge.
   */
  pidFile?: string;
  /** Present when the manifest leaves pidFile out: what the package's unit said about it, once read. */
  pidFileFromUnit?: PidFileFromUnit;
  configDir: string;
  /** Every port the service listens on, TCP and UDP, the API's included; [] for none. */
  ports: DeclaredPort[];
  /** Undefined for `api: none`: the service offers no REST API. */
  api: ServiceApi | undefined;
  consul: {
    registers: boolean;
    /** The user reads the host's default consul config, so it must be in the consul group. */
    readsDefaultConfig: boolean;
  };
  /** Who restarts the daemon when it dies: monit (the guideline) or systemd's Restart=. */
  supervisor: 'monit' | 'systemd';
  wazoService: boolean;
  backup: string[];
  slave: {
    stateAfterUpgrade: 'running' | 'stopped';
  };
  /** The ports documentation the service's port must be listed in (default: docs/ports.md). */
  portsDocumentation: string;
  /** The service's Python requirements, read on the machine running the harness. */
  requirements?: {
    file: string;
    /** PyPI name -> Debian package, where the default python3-<name> rule is wrong. */
    names: Record<string, string>;
  };
}

/** The socket that starts the service on demand (the `activation` entry of `units`), or undefined. */
export function activationSocket(service: Pick<ServiceManifest, 'units'>): string | undefined {
  return service.units.find((u) => u.role === 'activation')?.unit;
}

/**
 * The units the package must enable, the ones the boot starts: its activation socket in place
 * of the service unit when it has one (the service is then static, started by the socket's
 * first connection), and its timers.
 */
export function unitsStartedAtBoot(service: Pick<ServiceManifest, 'unit' | 'units'>): string[] {
  return [activationSocket(service) ?? service.unit, ...service.units.filter((u) => u.role === 'timer').map((u) => u.unit)];
}
