// The broken example packages as the self-tests see them: examples/broken/<variant>/ holds
//   RULE        the scenario (guideline wording) the variant must fail
//   FINDING     a regular expression its failure message must match (multiline)
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
  alsoFails: string[];
  /** Arguments of the harness run that checks it. */
  args: string[];
}

const brokenDir = join(ROOT, 'examples', 'broken');

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
      return {
        variant,
        rule: (read(variant, 'RULE') ?? '').trim(),
        finding: new RegExp((read(variant, 'FINDING') ?? '').trim(), 'm'),
        alsoFails: (read(variant, 'ALSO_FAILS') ?? '')
          .split('\n')
          .map((line) => line.replace(/\s+#.*$/, '').trim())
          .filter(Boolean),
        args: [...(existsSync(manifest) ? ['--manifest', manifest] : ['--service', 'wazo-foo']), '--package', deb],
      };
    });
}
