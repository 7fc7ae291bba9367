// Which scenarios a run would start, read from the feature files with cucumber's own parser
// and tag-expression library, before any image or host: `--tags` that do not parse or select
// nothing are usage errors up front, and `--list` prints the plan without starting anything.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AstBuilder, compile, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import parseTagExpression from '@cucumber/tag-expressions';
import { HarnessError } from '../errors';
import { hostPlacement, type HostPlacement } from '../runtime/shared-host-schedule';
import { tagExpression } from './acceptance-options';

export interface PlannedScenario {
  name: string;
  tags: string[];
  /** The feature file, relative to the project. */
  uri: string;
  /** The host it runs on, read from its steps. */
  placement: HostPlacement;
}

/** The .feature files under `dir`, sorted. */
export function featureFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? featureFiles(join(dir, e.name)) : e.name.endsWith('.feature') ? [join(dir, e.name)] : []))
    .sort();
}

/** Every scenario of features/ (examples expanded), as cucumber compiles them into pickles. */
export function allScenarios(root: string): PlannedScenario[] {
  const newId = IdGenerator.uuid();
  const parser = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher());
  return featureFiles(join(root, 'features')).flatMap((file) => {
    const uri = relative(root, file);
    return compile(parser.parse(readFileSync(file, 'utf8')), uri, newId).map((p) => ({ name: p.name, tags: p.tags.map((t) => t.name), uri, placement: hostPlacement(p.steps) }));
  });
}

/** A user's --tags checked alone, so its error names what the user typed, not the wrapped expression. */
export function assertTagExpression(userTags: string): void {
  try {
    parseTagExpression(userTags);
  } catch (error) {
    throw new HarnessError(
      'usage',
      `--tags "${userTags}" is not a tag expression (${(error as Error).message.replace(/\s+/g, ' ').trim()})`,
      'write tags joined by and, or, not and parentheses, e.g. --tags "@install or @user" (the areas are in README, "What is checked")',
    );
  }
}

export interface PlanFilter {
  service: string;
  tags?: string;
  /** Regular expressions on scenario names, as cucumber's --name: a scenario matching any is kept. */
  names?: string[];
  /** Whether --docs was given (the @docs scenarios need it). */
  docs: boolean;
}

/** The scenarios a run of `service` with these filters starts; a filter selecting none is a usage error. */
export function plannedScenarios(root: string, filter: PlanFilter): PlannedScenario[] {
  if (filter.tags !== undefined) assertTagExpression(filter.tags);
  const tags = parseTagExpression(tagExpression(filter.tags, filter.service, filter.docs));
  const names = (filter.names ?? []).map((n) => new RegExp(n));
  const selected = allScenarios(root).filter((s) => tags.evaluate(s.tags) && (names.length === 0 || names.some((n) => n.test(s.name))));
  if (selected.length === 0) {
    const what = [filter.tags !== undefined && `--tags "${filter.tags}"`, names.length > 0 && `--name ${filter.names?.map((n) => `"${n}"`).join(' --name ')}`].filter(Boolean).join(' with ');
    throw new HarnessError('usage', `${what || 'the run'} selects no scenario of ${filter.service}`, `name areas that exist, e.g. --tags @user or --tags "@install or @http" (the areas are in README, "What is checked"; @docs needs --docs DIR); \`--list\` shows what a filter selects`);
  }
  return selected;
}
