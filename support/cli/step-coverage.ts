// npm run step-coverage: every outcome (Then) step of the features must have an example package
// that fails at it and no earlier (examples/broken/<variant>/STEP, examples/faults/<name>/STEP);
// a check that no package can fail is a check nobody has seen work. Lists the steps without
// one, and the STEP files that name no outcome step (a typo or a renamed step), and exits 1
// if there is any; else prints one line and exits 0.
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator, StepKeywordType, type GherkinDocument, type Step } from '@cucumber/messages';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { featureFiles } from '../api/feature-plan';
import { PATHS } from '../paths';

/**
 * Steps that judge the host the harness boots or the documentation site, not the package: no
 * package can make them fail, so no example can show them failing. Each with the reason printed.
 */
const EXEMPT: Record<string, string> = {
  'the host runs the latest Debian stable': "it judges the host's Debian release (--debian), which no package chooses",
  'a page of the documentation site names the service in a heading and describes its API':
    'it judges the documentation site (--docs), not the package: test/docs-site.test.ts shows it failing on test/fixtures/docs-site/undocumented',
  'the backup page of the documentation site lists every config file of the service':
    'it judges the documentation site (--docs), not the package: test/docs-site.test.ts shows it failing on test/fixtures/docs-site/undocumented',
};

/** The outcome steps of a feature: Then, and And/But that follow a Then (a Background has none). */
function outcomeSteps({ feature }: GherkinDocument): string[] {
  type Child = NonNullable<GherkinDocument['feature']>['children'][number];
  const ofSteps = (steps: readonly Step[]): string[] => {
    let type: StepKeywordType | undefined;
    return steps.flatMap((step) => {
      if (step.keywordType !== StepKeywordType.CONJUNCTION) type = step.keywordType;
      return type === StepKeywordType.OUTCOME ? [step.text] : [];
    });
  };
  const walk = (children: readonly Child[]): string[] =>
    children.flatMap((c) => [...ofSteps((c.background ?? c.scenario)?.steps ?? []), ...(c.rule ? walk(c.rule.children) : [])]);
  return walk(feature?.children ?? []);
}

/** STEP of every broken and fault example: example directory -> step text. */
function namedSteps(): Map<string, string> {
  const named = new Map<string, string>();
  for (const kind of ['broken', 'faults']) {
    const dir = join(PATHS.examples, kind);
    for (const name of readdirSync(dir).sort()) {
      const file = join(dir, name, 'STEP');
      if (existsSync(file)) named.set(relative(PATHS.root, join(dir, name)), readFileSync(file, 'utf8').trim());
    }
  }
  return named;
}

function main(): number {
  const parser = new Parser(new AstBuilder(IdGenerator.uuid()), new GherkinClassicTokenMatcher());
  const steps = new Set(featureFiles(PATHS.features).flatMap((file) => outcomeSteps(parser.parse(readFileSync(file, 'utf8')))));
  const named = namedSteps();
  const covered = new Set(named.values());
  const problems = [
    ...[...steps].filter((step) => !covered.has(step) && !(step in EXEMPT)).map((step) => `no example fails at: ${step}`),
    ...[...named].filter(([, step]) => !steps.has(step)).map(([example, step]) => `${example}/STEP names no Then step of the features: ${step}`),
  ];
  for (const [step, reason] of Object.entries(EXEMPT)) console.log(`exempt: ${step} (${reason})`);
  for (const problem of problems) console.log(problem);
  if (problems.length > 0) return 1;
  console.log('every Then step has a broken example');
  return 0;
}

process.exitCode = main();
