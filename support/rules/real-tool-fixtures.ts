// What a host's stand-ins know, as the rules' specs need it (a fixture, not used by the harness).
import type { DropIn, RealToolKnowledge } from '../probes/real-tool-lists';

export function knowledge(tool: string, lines: string[][], dropInDir: string, dropIns: DropIn[]): RealToolKnowledge {
  return { list: { source: { repository: `wazo-platform/${tool}`, path: `bin/${tool}`, commit: '0123456789abcdef', version: '1.0' }, lines }, dropIns, dropInDir };
}
