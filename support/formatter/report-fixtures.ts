// Shared by the report modules' unit specs: scenario lines and a run as a real run gives them.
import type { ScenarioLine } from '../report/scenario-line';
import type { RunRecord } from './run-record';
import type { ScenarioVerdict } from '../report/verdict';

export function scenarioLine(name: string, tags: string[], verdict: ScenarioVerdict, failures: string[] = [], reason?: string): ScenarioLine {
  return { area: tags[0], tags, name, verdict, reason, seconds: 1, failures, notes: [], attachments: [] };
}

export const RUN: RunRecord = {
  service: 'wazo-foo',
  package: { file: 'wazo-foo_1.1.0_all.deb', version: '1.1.0', sha256: 'ab'.repeat(32) },
  hostImage: 'wazo-harness/host:trixie-0123456789ab',
  harness: '0.1.0',
  command: "npm run acceptance -- --service wazo-foo --tags '@user or @ports'",
  tags: '@user or @ports',
  runId: 'r1',
  startedAt: new Date(0),
  seconds: 3,
};
