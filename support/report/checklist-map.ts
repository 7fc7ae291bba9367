import type { ServiceManifest } from '../configuration/manifest';

/** How a checklist item is decided. */
export type ItemRule =
  /** By the scenarios carrying `tags` (all of them) and none of `notTags`; or named like the item. */
  | { kind: 'scenarios'; tags?: string[]; notTags?: string[]; applies?: (m: ServiceManifest) => string | undefined }
  /** Not machine-checkable: a person checks it; the reason says what to look at. */
  | { kind: 'manual'; reason: string }
  /** By the scenario named like the item when --docs gives the documentation site; MANUAL without it. */
  | { kind: 'documentation'; reason: string };

const byName: ItemRule = { kind: 'scenarios' };

/**
 * The guidelines' checklist items (in their exact words) and what decides each. An item
 * missing here is reported as "unmapped", so a change of the guidelines shows up at once.
 * `applies` returns why an item does not apply to a service (from its manifest), if it does not;
 * most applicability is the scenarios' own (support/checks/applicability.ts).
 */
export const CHECKLIST_RULES: Record<string, ItemRule> = {
  'The service default user is not root': byName,
  'The service default user cannot log in to a shell': byName,
  'The service default user does not have a /home/user, only a /var/lib/user if necessary': byName,
  'The service default user has write permissions for the default log file': byName,
  'The service default user has write permissions for the PID file and its directory': byName,
  'The service default user is part of the consul group if the service needs the default consul config file': byName,
  'The service is added to wazo-service if necessary': { kind: 'scenarios', tags: ['@wazo-service'] },
  'The service is monitored by monit': {
    kind: 'scenarios',
    tags: ['@monit'],
    applies: (m) => (m.supervisor === 'monit' ? undefined : "supervisor is systemd: systemd's Restart= supervises it (checked beyond the checklist by @monit)"),
  },
  'The service is correctly installed on a fresh install': { kind: 'scenarios', tags: ['@install'] },
  'The service is correctly started on a reboot': { kind: 'scenarios', tags: ['@reboot'] },
  'The service is correctly started on a wazo-upgrade': { kind: 'scenarios', tags: ['@upgrade'], notTags: ['@slave'] },
  'The service is the correct state (running or stopped) after an upgrade of the slave machine': { kind: 'scenarios', tags: ['@upgrade', '@slave'] },
  'The service is documented on wazo-platform.org': { kind: 'documentation', reason: 'check that wazo-platform.org documents the service (or give --docs DIR, a checkout of the site)' },
  'The service config files are copied by xivo-backup': { kind: 'scenarios', tags: ['@backup'] },
  'The service config files are listed in the documentation for files backup': {
    kind: 'documentation',
    reason: "check that the backup documentation lists the manifest's backup files (or give --docs DIR, a checkout of the site)",
  },
  'The service registers with consul for the discovery of services': { kind: 'scenarios', tags: ['@service-discovery'] },
  'The ports used are listed in the doc. Ports are not usually used for testing HTTP (8000, 8080, etc.).': { kind: 'scenarios', tags: ['@ports'] },
  'The OpenAPI/Swagger spec is offered at `http://<service_root_api>/<version>/api/api.yml`': { kind: 'scenarios', tags: ['@openapi'] },
  'The REST API is accessible via GET `https://wazo/api/<service>`': { kind: 'scenarios', tags: ['@http'], notTags: ['@openapi'] },
  'The service has packaging instructions for the latest Debian stable': { kind: 'scenarios', tags: ['@packaging'] },
  'The versions of the service dependencies are available as Debian packages in Debian stable or Wazo Platform': {
    kind: 'scenarios',
    tags: ['@dependencies'],
  },
};
