// The broken example packages as the self-tests see them: examples/broken/<variant>/ holds
//   RULE         the scenario (guideline wording) the variant must fail
//   FINDING      a regular expression its failure message must match (multiline)
//   STEP         the step, as the .feature file writes it without its keyword, at which the
//                RULE scenario fails first: every Then step has a variant failing at it
//                (npm run step-coverage lists those that have none)
//   NOTE         optional: a regular expression a note of the run must match (multiline), for
//                a path the verdict table alone does not show (e.g. a scenario moved to a host
//                of its own because the shared host's previous one failed)
//   ALSO_FAILS   optional: other scenarios that fail as a necessary consequence, one per
//                line, each followed by "  # why" (kept rare: a variant violates one rule)
//   expected.yml its whole expected verdict table (test/verdict-tables.ts), with the --tags
//                it runs with: the areas of hosts of their own (reboot, upgrade, purge) and
//                the shared host's monit and wazo-service scenarios run only for the variants
//                that violate one of their rules or need them, and are NOT RUN in the others'
//                tables
//   service.yml  optional: a manifest of its own, for rules about the declared facts
//   overlay/     the files that differ from wazo-foo's (absent when only service.yml is broken)
//   BASE         optional: a shape (examples/shapes/<shape>) the variant breaks instead of
//                wazo-foo: its overlay goes over the shape's, and the shape's manifest is used
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest } from '../support/configuration/manifest-loader';
import { EXAMPLE_WORKERS } from './harness';
import { readExpectedTable, type ExpectedTable } from './verdict-tables';
import { PATHS } from '../support/paths';

export interface BrokenExample {
  variant: string;
  /** The service the run checks (its manifest's name): its reports are under reportsDir/SERVICE/. */
  service: string;
  /** Its systemd unit (the manifest's), whose journal a failure attaches. */
  unit: string;
  rule: string;
  finding: RegExp;
  /** The step text as the .feature file writes it. */
  step: string;
  alsoFails: string[];
  /** A note the run must print, when the variant has one (NOTE). */
  note?: RegExp;
  expected: ExpectedTable;
  /** Arguments of the harness run that checks it (its reports go under reportsDir). */
  args: (reportsDir: string) => string[];
}

const brokenDir = join(PATHS.examples, 'broken');

function read(variant: string, file: string): string | undefined {
  const path = join(brokenDir, variant, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

export function brokenExamples(): BrokenExample[] {
  return readdirSync(brokenDir)
    .sort()
    .map((variant) => {
      const base = read(variant, 'BASE')?.trim();
      const own = join(brokenDir, variant, 'service.yml');
      const manifestFile = existsSync(own) ? own : base ? join(PATHS.examples, 'shapes', base, 'service.yml') : undefined;
      const manifest = loadManifest(manifestFile ?? join(PATHS.services, 'wazo-foo.yml'));
      const name = manifest.package.name;
      // A variant without an overlay breaks only the declaration (its service.yml): the good package.
      const deb = existsSync(join(brokenDir, variant, 'overlay'))
        ? join(PATHS.exampleDebs, 'broken', variant, `${name}_1.1.0_all.deb`)
        : join(PATHS.exampleDebs, 'wazo-foo', 'wazo-foo_1.1.0_all.deb');
      const expected = readExpectedTable(join(brokenDir, variant, 'expected.yml'));
      return {
        variant,
        service: manifest.name,
        unit: manifest.unit,
        rule: (read(variant, 'RULE') ?? '').trim(),
        finding: new RegExp((read(variant, 'FINDING') ?? '').trim(), 'm'),
        step: (read(variant, 'STEP') ?? '').trim(),
        alsoFails: (read(variant, 'ALSO_FAILS') ?? '')
          .split('\n')
          .map((line) => line.replace(/\s+#.*$/, '').trim())
          .filter(Boolean),
        note: read(variant, 'NOTE') === undefined ? undefined : new RegExp(read(variant, 'NOTE')!.trim(), 'm'),
        expected,
        args: (reportsDir: string) => [
          ...(manifestFile ? ['--manifest', manifestFile] : ['--service', 'wazo-foo']),
          '--package',
          deb,
          '--reports-dir',
          reportsDir,
          ...EXAMPLE_WORKERS,
          ...(expected.tags ? ['--tags', expected.tags] : []),
        ],
      };
    });
}
