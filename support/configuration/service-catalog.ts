import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { distance } from 'fastest-levenshtein';
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

/** Names within a Levenshtein distance of a third of the name's length, nearest first. */
export function closestNames(name: string, candidates: string[]): string[] {
  const limit = Math.max(2, Math.floor(name.length / 3));
  return candidates
    .map((candidate) => ({ candidate, distance: distance(name, candidate) }))
    .filter(({ distance }) => distance <= limit)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .map(({ candidate }) => candidate);
}
