import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError } from '../errors';

/** The services the project knows: one manifest per service in services/NAME.yml. */
export class ServiceCatalog {
  constructor(readonly directory: string) {}

  names(): string[] {
    if (!existsSync(this.directory)) return [];
    return readdirSync(this.directory)
      .filter((f) => f.endsWith('.yml'))
      .map((f) => f.slice(0, -'.yml'.length))
      .sort();
  }

  manifestFile(name: string): string {
    const known = this.names();
    if (known.includes(name)) return join(this.directory, `${name}.yml`);
    const closest = closestNames(name, known);
    const suggestion = closest.length > 0 ? `did you mean ${closest.join(' or ')}? ` : '';
    throw new HarnessError(
      'usage',
      `unknown service "${name}": there is no manifest services/${name}.yml (known: ${known.join(', ') || 'none'})`,
      `${suggestion}Use --service with a known name, or --manifest FILE for a service described elsewhere.`,
    );
  }
}

/** Names within an edit distance of a third of the name's length, nearest first. */
export function closestNames(name: string, candidates: string[]): string[] {
  const limit = Math.max(2, Math.floor(name.length / 3));
  return candidates
    .map((candidate) => ({ candidate, distance: editDistance(name, candidate) }))
    .filter(({ distance }) => distance <= limit)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .map(({ candidate }) => candidate);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
