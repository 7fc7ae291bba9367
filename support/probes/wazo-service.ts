import { fact, type Evidence, type Fact, type Shell } from './evidence';

/** Where packages emulate, for the stand-in, their addition to the real tool's lists. */
export const WAZO_SERVICE_DROP_INS = '/etc/wazo-service/services.d';

export interface WazoServiceLine {
  state: string;
  name: string;
}

/** `wazo-service status FILTER`: one line per service, "\t<state>\t\t<name>", in the tool's order. */
export async function wazoServiceStatus(shell: Shell, filter = 'all'): Promise<Fact<WazoServiceLine[]>> {
  const evidence = await shell.run(['wazo-service', 'status', filter]);
  return fact(parseWazoServiceStatus(evidence.stdout), evidence);
}

export function parseWazoServiceStatus(output: string): WazoServiceLine[] {
  return [...output.matchAll(/^\t(\S+)\t\t(\S+)$/gm)].map(([, state, name]) => ({ state, name }));
}

/** `wazo-service ACTION [FILTER]`, as an administrator types it. */
export function wazoService(shell: Shell, action: string, filter?: string): Promise<Evidence> {
  return shell.run(['wazo-service', action, ...(filter ? [filter] : [])]);
}

/** The units `wazo-service start|restart` started, in its order ("\tstarting UNIT ... OK"). */
export function startedInOrder(output: string): string[] {
  return [...output.matchAll(/^\tstarting (\S+) \.\.\. OK$/gm)].map(([, unit]) => unit);
}
