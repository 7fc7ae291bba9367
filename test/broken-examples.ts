// The broken example packages as the self-tests see them: examples/broken/<variant>/ holds
//   RULE        the scenario (guideline wording) the variant must fail
//   FINDING     a regular expression its failure message must match (multiline)
//   STEP        the step, as written in the .feature file without its keyword (an outline's
//               <placeholders> included), at which the RULE scenario fails first: every Then
//               step has a variant failing at it (npm run step-coverage lists those that have none)
//   ALSO_FAILS  optional: other scenarios that fail as a necessary consequence, one per
//               line, each followed by "  # why" (kept rare: a variant violates one rule)
//   service.yml optional: a manifest of its own, for rules about the declared facts
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness';

export interface BrokenExample {
  variant: string;
  rule: string;
  finding: RegExp;
  /** The step text as the .feature file writes it. */
  step: string;
  alsoFails: string[];
  /** Arguments of the harness run that checks it. */
  args: string[];
}

const brokenDir = join(ROOT, 'examples', 'broken');

/**
 * Areas whose scenarios each need hosts of their own (reboots, upgrades, purges, kills): they
 * run for the variants that violate one of their rules; every other area runs for every
 * variant. The good example runs them all. This keeps the self-tests within CI's time.
 */
const OWN_HOST_AREAS = ['@reboot', '@upgrade', '@monit', '@wazo-service', '@purge'];

/** Each scenario name (outline names up to their first placeholder) with its feature's area tags. */
function scenarioAreas(): Array<{ name: string; tags: string[] }> {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.feature') ? [join(dir, e.name)] : []));
  return files(join(ROOT, 'features')).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const tags = /^\s*(@.*)$/m.exec(text)?.[1].split(/\s+/) ?? [];
    return [...text.matchAll(/^\s*Scenario(?: Outline)?: (.+)$/gm)].map(([, name]) => ({ name: name.split('<')[0].trim(), tags }));
  });
}

function tagsFor(scenarios: string[]): string {
  const areas = scenarioAreas();
  const needed = OWN_HOST_AREAS.filter((area) => scenarios.some((s) => areas.some((a) => s.startsWith(a.name) && a.tags.includes(area))));
  const skipped = OWN_HOST_AREAS.filter((area) => !needed.includes(area));
  return skipped.length === 0 ? '' : `not (${skipped.join(' or ')})`;
}

function read(variant: string, file: string): string | undefined {
  const path = join(brokenDir, variant, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

export function brokenExamples(): BrokenExample[] {
  return readdirSync(brokenDir)
    .sort()
    .map((variant) => {
      const manifest = join(brokenDir, variant, 'service.yml');
      const deb = join(ROOT, 'build', 'debs', 'broken', variant, 'wazo-foo_1.1.0_all.deb');
      const rule = (read(variant, 'RULE') ?? '').trim();
      const alsoFails = (read(variant, 'ALSO_FAILS') ?? '')
        .split('\n')
        .map((line) => line.replace(/\s+#.*$/, '').trim())
        .filter(Boolean);
      const tags = tagsFor([rule, ...alsoFails]);
      return {
        variant,
        rule,
        finding: new RegExp((read(variant, 'FINDING') ?? '').trim(), 'm'),
        step: (read(variant, 'STEP') ?? '').trim(),
        alsoFails,
        args: [...(existsSync(manifest) ? ['--manifest', manifest] : ['--service', 'wazo-foo']), '--package', deb, ...(tags ? ['--tags', tags] : [])],
      };
    });
}
