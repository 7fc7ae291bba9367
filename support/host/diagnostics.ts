import type { ServiceManifest } from '../configuration/manifest';
import type { Shell } from '../probes/evidence';

export interface Diagnostic {
  title: string;
  text: string;
}

/** What a developer reads first when a scenario fails: the unit's status, its journal and its log. */
export async function collectDiagnostics(shell: Shell, manifest: ServiceManifest): Promise<Diagnostic[]> {
  const sources: Array<[string, string[]]> = [
    [`systemctl status ${manifest.unit}`, ['systemctl', 'status', '--no-pager', '--lines=0', manifest.unit]],
    [`journal of ${manifest.unit}`, ['journalctl', '--no-pager', '--unit', manifest.unit, '--lines=200']],
    [`log file ${manifest.logFile}`, ['tail', '--lines=200', manifest.logFile]],
  ];
  return Promise.all(
    sources.map(async ([title, command]) => {
      const evidence = await shell.run(command).catch((error: Error) => ({ stdout: '', stderr: error.message, command: command.join(' ') }));
      return { title, text: `$ ${evidence.command}\n${evidence.stdout}${evidence.stderr}` };
    }),
  );
}
