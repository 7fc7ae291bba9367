/** The files a new service starts from: every value is valid, every TODO says what to change. */

export function manifestTemplate(name: string, port: number): string {
  const shortName = name.replace(/^wazo-/, '');
  return `# ${name}: created by \`npm run new-service -- ${name}\`. Fill in the TODOs, then run
#   npm run acceptance -- --service ${name}
name: ${name}
package:
  file: ../packages/${name}_0.1.0_all.deb   # TODO: the path of the .deb you built
  version: 0.1.0                            # TODO: the version dpkg reports once it is installed
  # previous:                               # TODO: the version upgrades start from (or { version: V, from: debian | repositories })
  #   file: ../packages/${name}_0.0.9_all.deb
  #   version: 0.0.9
user: ${name}
logFile: /var/log/${name}.log
pidFile: /run/${name}/${name}.pid           # TODO: the PID file the daemon writes; without the line, the unit's PIDFile= (none: item 5 N/A)
configDir: /etc/${name}
ports:                                      # TODO: every port the daemon listens on, TCP or UDP, each in docs/ports.yml
  - { port: ${port}, protocol: tcp, listen: 127.0.0.1 }   # the next free port, reserved in docs/ports.yml; TODO: listen as the flow table says (0.0.0.0, ::, ::1...)
api:
  protocol: http                            # TODO: https if the daemon serves TLS on its own port
  port: ${port}                                # the entry of ports the API is served on
  version: "1.0"
  shortName: ${shortName}                             # nginx serves the API at https://HOST/api/${shortName}/
  requiresToken: true
  paths: [/status]                          # TODO: the GET paths of the API, relative to /<version>
consul:
  registers: true
  readsDefaultConfig: true                  # TODO: false if the daemon does not read /etc/wazo/consul.yml
supervisor: monit                           # monit (the guideline), or systemd when the unit's Restart= supervises it
wazoService: true
backup:
  - /etc/${name}/config.yml                 # TODO: every config file wazo-backup must save
slave:
  stateAfterUpgrade: stopped
`;
}

export function starterFeature(name: string): string {
  return `# Scenarios of ${name} alone: the generic features already check the guidelines.
# Tagged with the service's name and @per-service, so only runs of ${name} select it.
@per-service @${name}
Feature: ${name} specific behaviour

  Scenario: ${name} is running on a fresh Wazo host
    Given the service is installed on a Wazo host
    And the service is running
`;
}

export function flowRow(name: string, port: number): string {
  return `  - { daemon: ${name}, service: HTTP, protocol: TCP, port: ${port}, listen: "127.0.0.1", authentication: "yes", enabled: true }\n`;
}
