// junit.xml, what CI systems read: one testcase per scenario, written from the verdicts (so CI
// and the compliance report agree), its classname the service and the area ("wazo-foo.ports":
// merged results of a matrix keep the services apart), a one-line message and the decisive
// evidence in the body, N/A and not-run scenarios skipped with their reason.
import { create, type XMLElement } from 'xmlbuilder';
import type { ScenarioLine } from '../report/scenario-line';
import { decisiveLines } from './decisive-lines';
import { findingOf } from './failure-groups';
import { pathInReport } from './report-path';

export interface NotRunScenario {
  name: string;
  tags: string[];
}

const classname = (service: string, tags: string[]) => [service, tags[0]?.replace(/^@/, '')].filter(Boolean).join('.');

function body(scenario: ScenarioLine, reportDir: string): string {
  return [
    ...(scenario.failedStep ? [`failed step: ${scenario.failedStep}`] : []),
    ...(scenario.reason ? [scenario.reason] : []),
    ...scenario.failures.map(decisiveLines),
    ...scenario.attachments.map((file) => `diagnostics: ${pathInReport(file, reportDir)}`),
  ].join('\n');
}

function addOutcome(testcase: XMLElement, scenario: ScenarioLine, reportDir: string): void {
  if (scenario.verdict === 'N/A') testcase.ele('skipped', { message: `not applicable: ${scenario.reason ?? ''}` });
  if (scenario.verdict === 'PASS' || scenario.verdict === 'N/A') return;
  // BLOCKED fails the run as FAIL does; ENVIRONMENT is the host's, an error rather than a failure.
  const element = scenario.verdict === 'ENVIRONMENT' ? 'error' : 'failure';
  testcase.ele(element, { type: scenario.verdict, message: findingOf(scenario) }, body(scenario, reportDir));
}

export function junitXml(service: string, scenarios: ScenarioLine[], notRun: NotRunScenario[], reportDir: string): string {
  const count = (...verdicts: string[]) => scenarios.filter((s) => verdicts.includes(s.verdict)).length;
  const seconds = scenarios.reduce((sum, s) => sum + s.seconds, 0);
  const suite = create('testsuite', { version: '1.0', encoding: 'UTF-8' }, {}, { invalidCharReplacement: '\uFFFD' }).att({
    name: `wazo-acceptance ${service}`,
    tests: scenarios.length + notRun.length,
    failures: count('FAIL', 'BLOCKED'),
    errors: count('ENVIRONMENT'),
    skipped: count('N/A') + notRun.length,
    time: seconds.toFixed(3),
  });
  for (const scenario of scenarios) {
    addOutcome(suite.ele('testcase', { classname: classname(service, scenario.tags), name: scenario.name, time: scenario.seconds.toFixed(3) }), scenario, reportDir);
  }
  for (const scenario of notRun) {
    suite.ele('testcase', { classname: classname(service, scenario.tags), name: scenario.name, time: '0.000' }).ele('skipped', { message: 'not run: --fail-fast stopped the run at an earlier failure' });
  }
  return `${suite.end({ pretty: true })}\n`;
}
