import type { JSONSchemaType } from 'ajv';
import { LOG_TO_JOURNAL, PACKAGE_ORIGINS, PORT_PROTOCOLS, PREVIOUS_SOURCES, UNIT_ROLES, type DeclaredPort, type PackageUnit, type PackageOrigin, type PreviousSource, type ServiceApi, type ServiceManifest } from './manifest';

/** Some fields of T made optional: the manifest's defaults fill them in. */
type WithOptional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/** The manifest as written in YAML, before defaults and path resolution (fields: see ServiceManifest). */
export interface ManifestDocument {
  name: string;
  package: {
    name?: string;
    file: string;
    version: string;
    /** A file beside the manifest, or a version apt downloads from a source (see PREVIOUS_SOURCES). */
    previous?: { file: string; version: string } | { version: string; from: PreviousSource };
    builtFrom?: PackageOrigin;
    repositories?: string[];
    signedBy?: string;
  };
  unit?: string;
  units?: PackageUnit[];
  user: string;
  logFile: string;
  pidFile?: string;
  configDir: string;
  /** Every port the service listens on. */
  ports: DeclaredPort[];
  /** `none`, or the REST API the service offers, on the TCP entry of `ports` its `port` names. */
  api: typeof API_NONE | WithOptional<Omit<ServiceApi, 'listen'>, 'requiresToken'>;
  consul: ServiceManifest['consul'];
  supervisor: ServiceManifest['supervisor'];
  wazoService: boolean;
  backup: string[];
  slave: ServiceManifest['slave'];
  portsDocumentation?: string;
  requirements?: { file: string; names?: Record<string, string> };
}

/** `api: none`: the service offers no REST API. */
export const API_NONE = 'none';

const debianName = '^[a-z0-9][a-z0-9+.-]+$';
const absolutePath = '^/';
const version = { type: 'string', pattern: '^[0-9][A-Za-z0-9.+~:-]*$' } as const;

const packageVersion = {
  type: 'object',
  additionalProperties: false,
  required: ['file', 'version'],
  properties: { file: { type: 'string', minLength: 1 }, version },
} as const;

const downloadedVersion = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'from'],
  properties: { version, from: { type: 'string', enum: PREVIOUS_SOURCES } },
} as const;

export const manifestSchema: JSONSchemaType<ManifestDocument> = {
  type: 'object',
  additionalProperties: false,
  // Every field that decides whether a checklist item applies is required: no silent default decides a verdict.
  required: ['name', 'package', 'user', 'logFile', 'configDir', 'ports', 'api', 'consul', 'supervisor', 'wazoService', 'backup', 'slave'],
  properties: {
    name: { type: 'string', pattern: debianName },
    package: {
      type: 'object',
      additionalProperties: false,
      required: ['file', 'version'],
      properties: {
        name: { type: 'string', pattern: debianName, nullable: true },
        file: { type: 'string', minLength: 1 },
        version,
        previous: { type: 'object', anyOf: [packageVersion, downloadedVersion], nullable: true },
        builtFrom: { type: 'string', enum: PACKAGE_ORIGINS, nullable: true },
        // One-line sources.list entries, e.g. "deb [signed-by=/usr/share/keyrings/x.gpg] URI SUITE main".
        repositories: { type: 'array', items: { type: 'string', pattern: '^deb ' }, nullable: true },
        // The OpenPGP key (binary or armored) that signs the repositories, beside the manifest.
        signedBy: { type: 'string', minLength: 1, nullable: true },
      },
    },
    unit: { type: 'string', pattern: '^[A-Za-z0-9@._-]+\\.service$', nullable: true },
    // The package's other units, each with its role; its suffix is checked against the role in the loader.
    units: {
      type: 'array',
      nullable: true,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['unit', 'role'],
        properties: {
          unit: { type: 'string', pattern: '^[A-Za-z0-9@._-]+\\.(socket|timer)$' },
          role: { type: 'string', enum: UNIT_ROLES },
        },
      },
    },
    user: { type: 'string', pattern: '^[a-z_][a-z0-9_-]*$' },
    // No silent default: the user says where the service logs, a file or the journal.
    logFile: { type: 'string', anyOf: [{ type: 'string', enum: [LOG_TO_JOURNAL] }, { type: 'string', pattern: absolutePath, description: 'an absolute path' }] },
    pidFile: { type: 'string', pattern: absolutePath, nullable: true },
    configDir: { type: 'string', pattern: absolutePath },
    // No silent default: a service that listens on nothing says so (ports: []). The address is
    // checked with node's parser in the loader (JSON Schema's formats would need another library).
    ports: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['port', 'protocol', 'listen'],
        properties: {
          port: { type: 'integer', minimum: 1, maximum: 65535 },
          protocol: { type: 'string', enum: PORT_PROTOCOLS },
          listen: { type: 'string', minLength: 1 },
        },
      },
    },
    // No silent default: a service without a REST API says so (api: none).
    api: {
      anyOf: [
        { type: 'string', enum: [API_NONE] },
        {
          type: 'object',
          additionalProperties: false,
          required: ['protocol', 'port', 'version', 'shortName', 'paths'],
          properties: {
            protocol: { type: 'string', enum: ['http', 'https'] },
            // The TCP entry of ports the API is served on: its address is that entry's listen.
            port: { type: 'integer', minimum: 1, maximum: 65535 },
            version: { type: 'string', pattern: '^[0-9]+\\.[0-9]+$' },
            shortName: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
            requiresToken: { type: 'boolean', nullable: true },
            // GET paths relative to the API root (/status): the @http checks request each of them.
            paths: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', pattern: '^/' } },
          },
        },
      ],
    },
    consul: {
      type: 'object',
      additionalProperties: false,
      required: ['registers', 'readsDefaultConfig'],
      properties: {
        registers: { type: 'boolean' },
        readsDefaultConfig: { type: 'boolean' },
      },
    },
    supervisor: { type: 'string', enum: ['monit', 'systemd'] },
    wazoService: { type: 'boolean' },
    backup: { type: 'array', items: { type: 'string', pattern: absolutePath } },
    slave: {
      type: 'object',
      additionalProperties: false,
      required: ['stateAfterUpgrade'],
      properties: { stateAfterUpgrade: { type: 'string', enum: ['running', 'stopped'] } },
    },
    portsDocumentation: { type: 'string', minLength: 1, nullable: true },
    requirements: {
      type: 'object',
      additionalProperties: false,
      required: ['file'],
      properties: {
        file: { type: 'string', minLength: 1 },
        names: { type: 'object', required: [], additionalProperties: { type: 'string', pattern: debianName }, nullable: true },
      },
      nullable: true,
    },
  },
};
