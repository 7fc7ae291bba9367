// Which scenarios a service's manifest makes meaningless, decided before any precondition
// runs: such a scenario is skipped whole (N/A) with the manifest field that says so. A
// scenario is never skipped midway.
import { LOG_TO_JOURNAL, type DeclaredPort, type ServiceApi, type ServiceManifest } from '../configuration/manifest';

/** How the Before hook notes a scenario the manifest makes not applicable (the reporter reads it). */
export const NOT_APPLICABLE = 'not applicable: ';

export interface ScenarioIdentity {
  name: string;
  tags: string[];
}

interface ApplicabilityRule {
  /** The scenarios the rule is about: by area tag, or by exact name. */
  appliesTo: { tag: string } | { name: string };
  /** Why the scenario is not applicable to this manifest (naming the field), or undefined. */
  notApplicable: (m: ServiceManifest) => string | undefined;
}

/** Why the REST API checks do not apply to a service that declares `api: none`. */
export const API_NONE = 'api is none: the service offers no REST API';

/** Why the port-number and documentation checks do not apply to a service that declares `ports: []`. */
export const PORTS_EMPTY = 'ports is empty: the service declares no port';

const RULES: ApplicabilityRule[] = [
  {
    // @openapi scenarios are @http too.
    appliesTo: { tag: '@http' },
    notApplicable: (m) => (m.api ? undefined : API_NONE),
  },
  {
    appliesTo: { name: 'Ports are not usually used for testing HTTP (8000, 8080, etc.), nor another daemon\'s, and a new daemon\'s port is above 9503' },
    notApplicable: (m) => (m.ports.length > 0 ? undefined : PORTS_EMPTY),
  },
  {
    appliesTo: { name: 'The ports used are listed in the doc' },
    notApplicable: (m) => (m.ports.length > 0 ? undefined : PORTS_EMPTY),
  },
  {
    appliesTo: { tag: '@service-discovery' },
    notApplicable: (m) => (m.consul.registers ? undefined : 'consul.registers is false: the service does not register in consul'),
  },
  {
    appliesTo: { tag: '@wazo-service' },
    notApplicable: (m) => (m.wazoService ? undefined : 'wazoService is false: wazo-service does not manage the service'),
  },
  {
    appliesTo: { tag: '@backup' },
    notApplicable: (m) => (m.backup.length > 0 ? undefined : 'backup is empty: the service has no config file to back up'),
  },
  {
    appliesTo: { name: 'The service config files are listed in the documentation for files backup' },
    notApplicable: (m) => (m.backup.length > 0 ? undefined : 'backup is empty: the service has no config file to list'),
  },
  {
    appliesTo: { tag: '@upgrade' },
    notApplicable: (m) => (m.package.previous ? undefined : 'package.previous is not set: there is no version to upgrade from'),
  },
  {
    appliesTo: { name: 'The service default user has write permissions for the PID file and its directory' },
    notApplicable: (m) => (m.pidFile ? undefined : noPidFile(m)),
  },
  {
    appliesTo: { name: 'The service default user is part of the consul group if the service needs the default consul config file' },
    notApplicable: (m) => (m.consul.readsDefaultConfig ? undefined : 'consul.readsDefaultConfig is false: the service does not read /etc/wazo/consul.yml'),
  },
  {
    appliesTo: { name: 'requirements.txt pins package versions equal to Debian packages' },
    notApplicable: (m) => (m.requirements ? undefined : 'requirements is not set: the service declares no Python requirements'),
  },
];

/**
 * Why no PID file is judged: the manifest leaves it to the unit, whose PIDFile= is unset (or
 * the package ships no such unit). Before the package is read (a --list plan) nothing is known.
 */
function noPidFile(m: ServiceManifest): string | undefined {
  const from = m.pidFileFromUnit;
  if (!from) return 'pidFile is not set: the service writes no PID file';
  if (!from.read) return undefined;
  return from.unitPath
    ? `pidFile is not set and ${from.unitPath} in the package sets no PIDFile=: no PID file to judge (set pidFile if the daemon writes one)`
    : `pidFile is not set and the package ships no ${m.unit} to read a PIDFile= from`;
}

/** What a step notes where the service does not register in consul: that part of a bigger check does not apply. */
export const CONSUL_NOT_REGISTERING = 'not checked: consul.registers is false, the service does not register in consul';

/** The service's REST API, in a scenario that api: none made N/A (see applicableOnlyWith). */
export function applicableApi(m: ServiceManifest): ServiceApi {
  return applicableOnlyWith(m.api, 'api');
}

/** The service's declared ports, in a scenario that ports: [] made N/A. */
export function applicablePorts(m: ServiceManifest): DeclaredPort[] {
  return applicableOnlyWith(m.ports.length > 0 ? m.ports : undefined, 'ports');
}

/** What a step notes where the service has no REST API (api: none): the nginx part of a bigger check does not apply. */
export const API_NONE_NOT_ROUTED = `not checked: ${API_NONE}, so nginx has no route to it`;

/** Whether the service logs to the journal (logFile: journal) rather than to a file. */
export function logsToJournal(m: ServiceManifest): boolean {
  return m.logFile === LOG_TO_JOURNAL;
}

/** What a step notes where the service writes no log file: that part of a bigger check does not apply. */
export const LOG_FILE_IS_JOURNAL = 'not checked: logFile is journal, the service writes no log file';

/**
 * A manifest value a scenario needs; its absence made the scenario N/A before any step ran,
 * so reaching a step without it is the harness's own bug.
 */
export function applicableOnlyWith<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new Error(`harness bug: ${field} is not set, so the Before hook should have made this scenario N/A`);
  return value;
}

function concerns(rule: ApplicabilityRule, scenario: ScenarioIdentity): boolean {
  return 'tag' in rule.appliesTo ? scenario.tags.includes(rule.appliesTo.tag) : scenario.name === rule.appliesTo.name;
}

/** Why the manifest makes this scenario not applicable, or undefined when it applies. */
export function notApplicableReason(scenario: ScenarioIdentity, manifest: ServiceManifest): string | undefined {
  for (const rule of RULES) {
    const reason = concerns(rule, scenario) ? rule.notApplicable(manifest) : undefined;
    if (reason) return reason;
  }
  return undefined;
}
