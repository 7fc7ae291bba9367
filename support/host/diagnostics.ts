import { LOG_TO_JOURNAL, type ServiceManifest } from '../configuration/manifest';
import type { Shell } from '../probes/evidence';
import { CONSUL_TOKEN_FILE } from '../probes/consul';

export interface Diagnostic {
  title: string;
  text: string;
}

type Source = [title: string, command: string[]];

/** What a developer reads first when any scenario fails: the unit's status, its journal and its log (unless the journal is its log). */
function serviceSources(manifest: ServiceManifest): Source[] {
  return [
    [`systemctl status ${manifest.unit}`, ['systemctl', 'status', '--no-pager', '--lines=0', manifest.unit]],
    [`journal of ${manifest.unit}`, ['journalctl', '--no-pager', '--unit', manifest.unit, '--lines=200']],
    ...(manifest.logFile === LOG_TO_JOURNAL ? [] : [[`log file ${manifest.logFile}`, ['tail', '--lines=200', manifest.logFile]] satisfies Source]),
  ];
}

/**
 * What else a failure of an area needs, by the scenario's tags. The consul token is read
 * by the shell inside the host, so the command shown names the file, never the value.
 */
function areaSources(manifest: ServiceManifest, tags: string[]): Source[] {
  const consul = `curl --silent --show-error --header "X-Consul-Token: $(cat ${CONSUL_TOKEN_FILE})" http://127.0.0.1:8500/v1`;
  const byTag: Record<string, Source[]> = {
    '@service-discovery': [
      [
        `consul catalog entry of ${manifest.name}`,
        ['sh', '-c', `${consul}/catalog/service/${manifest.name}?pretty; echo; ${consul}/health/checks/${manifest.name}?pretty`],
      ],
    ],
    '@http': [['nginx error log', ['tail', '--lines=100', '/var/log/nginx/error.log']]],
  };
  return Object.entries(byTag).flatMap(([tag, sources]) => (tags.includes(tag) ? sources : []));
}

/** The diagnostics attached to a failed scenario: the service's, and its areas' (by tag). */
export async function collectDiagnostics(shell: Shell, manifest: ServiceManifest, tags: string[] = []): Promise<Diagnostic[]> {
  return Promise.all(
    [...serviceSources(manifest), ...areaSources(manifest, tags)].map(async ([title, command]) => {
      const evidence = await shell.run(command).catch((error: Error) => ({ stdout: '', stderr: error.message, command: command.join(' ') }));
      return { title, text: `$ ${evidence.command}\n${evidence.stdout}${evidence.stderr}` };
    }),
  );
}
