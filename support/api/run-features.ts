import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { loadConfiguration, loadSources, runCucumber } from '@cucumber/cucumber/api';
import { runDirPrefix } from '../docker/run-labels';
import { harnessVersion, PATHS } from '../paths';
import { judgeChecklist, runExitCode, scenariosBeyondChecklist, type ItemVerdict } from '../report/compliance';
import { complianceHtml } from '../formatter/compliance-html';
import { complianceMarkdown, complianceTable } from '../formatter/compliance-report';
import { junitXml } from '../formatter/junit';
import { readChecklist } from '../report/guidelines-checklist';
import { verdictJsonLines } from '../formatter/json-lines';
import { commandOf, type RunRecord } from '../formatter/run-record';
import { verdictsJson } from '../formatter/verdicts-json';
import type { RunParameters, WorkerParameters } from '../runtime/run-parameters';
import { countVerdicts } from '../report/verdict';
import type { ScenarioLine } from '../report/scenario-line';
import { redact } from '../secrets/redaction';
import { colourWanted, verdictPaint } from '../formatter/colour';
import { LiveProgress } from '../formatter/live-progress';
import { tagExpression, type AcceptanceOptions } from './acceptance-options';
import { ScenarioReporter } from '../formatter/scenario-reporter';
import type { PlannedScenario } from './feature-plan';
import { expectDurations, loadDurations, saveDurations, ScenarioClock } from '../runtime/scenario-durations';
import { SharedHostHandoff } from '../runtime/shared-host-handoff';
import { scenarioKey, scheduleSharedHost, SharedHostSchedule } from '../runtime/shared-host-schedule';
import { workerCount } from './workers';

/** What the command line chose of the scenarios and their run. */
export type FeatureSelection = Pick<AcceptanceOptions, 'tags' | 'name' | 'failFast' | 'workers' | 'format' | 'docs' | 'argv'>;

export interface FeatureRunPaths {
  root: string;
  reports: string;
  guidelines: string;
}

/** What one service's run found, and where its reports are. */
export interface ServiceResult {
  service: string;
  exitCode: number;
  /** reports/SERVICE/: compliance.md and .html, verdicts.json, junit.xml, cucumber.html and .ndjson, diagnostics/. */
  reports: string;
  /** The verdicts, when the run was judged in this process (--all's runs are processes of their own: see their verdicts.json). */
  verdicts?: { checklist: ItemVerdict[]; beyond: ScenarioLine[] };
}

/**
 * The support code cucumber loads (in each worker, or in this process with one worker) and the
 * plugin that orders the scenarios: the JavaScript emitted in build/js/<hash>/
 * (scripts/run-compiled.js), never the sources, since cucumber imports its plugins as ES
 * modules, which ts-node's require hook does not reach.
 */
function supportCode(): { require: string[]; plugin: string[] } {
  if (extname(__filename) !== '.js') throw new Error('run the CLI through scripts/run-compiled.js (npm run acceptance), which emits its JavaScript');
  const code = PATHS.code;
  return {
    require: ['support/runtime/world', 'support/runtime/hooks', 'steps/**/*.steps'].map((path) => join(code, `${path}.js`)),
    plugin: [pathToFileURL(join(code, 'support/runtime/scenario-order.js')).href],
  };
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

/**
 * Runs the features for one service through cucumber's API and writes its reports under
 * reports/SERVICE/: compliance.md and .html (the checklist, item by item), verdicts.json,
 * cucumber.html, junit.xml (what CI systems read) and diagnostics/ for failures. Returns the
 * verdicts and the exit code they give (never cucumber's own success).
 */
export async function runFeatures(parameters: RunParameters, selection: FeatureSelection, planned: PlannedScenario[], paths: FeatureRunPaths): Promise<ServiceResult> {
  const { tags: userTags, workers } = selection;
  const started = new Date();
  const service = parameters.manifest.name;
  const reportDir = join(paths.reports, service);
  rmSync(reportDir, { recursive: true, force: true }); // a report describes one run
  mkdirSync(join(reportDir, 'diagnostics'), { recursive: true });
  const live = new LiveProgress();
  // With --format json, stdout carries only the JSON Lines written at the end.
  const json = selection.format === 'json';
  const reporter = new ScenarioReporter(
    (text) => (json ? undefined : process.stdout.write(text)),
    (scenario, title, body) => {
      const file = join(reportDir, 'diagnostics', `${slug(scenario)}--${slug(title)}.txt`);
      writeFileSync(file, body);
      return file;
    },
    live,
    verdictPaint(colourWanted(process.stdout)),
  );
  // Cucumber's own stdout formatter is replaced by the reporter's one line per checked item.
  const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
  const environment = { cwd: paths.root, stdout: discard, stderr: process.stderr };
  const { runConfiguration } = await loadConfiguration(
    {
      file: 'cucumber.json', // relative: cucumber joins it to the cwd
      provided: {
        ...supportCode(),
        tags: tagExpression(userTags, service, selection.docs !== undefined),
        ...(selection.name ? { name: selection.name } : {}),
        ...(selection.failFast ? { failFast: true } : {}),
        worldParameters: parameters as unknown as Record<string, never>,
        // cucumber.ndjson: cucumber's own message stream (every step's timing), for tools and the bench.
        format: [`html:${join(reportDir, 'cucumber.html')}`, `message:${join(reportDir, 'cucumber.ndjson')}`],
      },
    },
    environment,
  );
  const { plan } = await loadSources(runConfiguration.sources, environment);
  // One worker is cucumber's serial mode (parallel 0): the scenarios run in this process, in the order the plugin gives.
  // The CLI's plan says where each scenario runs, cucumber's which ones run. One the CLI did not
  // plan counts as on a host of its own: the schedule never waits for it, and it gets a worker.
  const placement = new Map(planned.map((s) => [scenarioKey(s), s.placement]));
  const placements = plan.map((p) => placement.get(scenarioKey(p)) ?? 'own');
  const count = workerCount(workers, placements);
  runConfiguration.runtime.parallel = count > 1 ? count : 0;
  // Where the workers agree on who boots the shared host (support/runtime/shared-host-handoff.ts).
  // Removed here at the end, even with --keep; on an interruption the janitor removes it with
  // the run's containers (it is named after the run).
  const handoffDir = mkdtempSync(join(tmpdir(), runDirPrefix(parameters.run)));
  const handoff = new SharedHostHandoff(handoffDir);
  scheduleSharedHost(new SharedHostSchedule(plan.filter((_, i) => placements[i] === 'shared'), () => handoff.isPublished()));
  try {
    const workerParameters: WorkerParameters = { ...parameters, handoffDir };
    runConfiguration.runtime.worldParameters = workerParameters as unknown as Record<string, never>;
    // The scenarios on hosts of their own go longest first, as the service's last run measured them.
    const lastDurations = loadDurations(service);
    expectDurations(lastDurations);
    const clock = new ScenarioClock();
    await runCucumber(runConfiguration, environment, (envelope) => {
      reporter.onMessage(envelope);
      clock.onMessage(envelope);
    });
    saveDurations(service, lastDurations, clock.measured);
  } finally {
    live.stop();
    rmSync(handoffDir, { recursive: true, force: true });
  }
  if (reporter.notRun.length > 0) (json ? process.stderr : process.stdout).write(`--fail-fast: ${reporter.notRun.length} scenario(s) not run after the first failure\n`);
  const verdicts = judgeChecklist(readChecklist(paths.guidelines), reporter.lines, parameters.manifest, { tags: userTags, names: selection.name, stoppedBefore: reporter.notRun, docs: selection.docs !== undefined });
  const beyond = scenariosBeyondChecklist(verdicts, reporter.lines);
  const exitCode = runExitCode(verdicts, beyond);
  const result: ServiceResult = { service, exitCode, reports: reportDir, verdicts: { checklist: verdicts, beyond } };
  const run: RunRecord = {
    service,
    package: parameters.package,
    ...(parameters.previous ? { previous: parameters.previous } : {}),
    hostImage: parameters.hostImage,
    harness: harnessVersion(),
    command: commandOf(selection.argv),
    tags: userTags,
    runId: parameters.run.id,
    startedAt: started,
    seconds: (Date.now() - started.getTime()) / 1000,
  };
  // Every report passes through redact: the last gate before a secret could reach a file.
  const markdown = redact(complianceMarkdown(verdicts, run, reportDir, beyond));
  writeFileSync(join(reportDir, 'compliance.md'), markdown);
  writeFileSync(join(reportDir, 'compliance.html'), complianceHtml(markdown, `${service} compliance`));
  writeFileSync(join(reportDir, 'verdicts.json'), redact(verdictsJson(run, exitCode, verdicts, beyond)));
  writeFileSync(join(reportDir, 'junit.xml'), redact(junitXml(service, reporter.lines, reporter.notRun, reportDir)));

  if (json) {
    process.stdout.write(redact(verdictJsonLines({ service, exitCode, reports: reportDir }, reporter.lines, verdicts)));
    return result;
  }
  process.stdout.write(
    `\nChecklist of the new-service guidelines for ${service}:\n${complianceTable(verdicts)}\n` +
      (beyond.length > 0 ? `\nChecks beyond the checklist:\n${beyond.map((s) => `    ${s.verdict.padEnd(11)} ${s.name}`).join('\n')}\n` : '') +
      `reports: ${join(reportDir, 'compliance.md')} (also .html, verdicts.json, cucumber.html, cucumber.ndjson, junit.xml)\n` +
      `\n${service}: checklist ${countVerdicts(verdicts.map((v) => v.verdict))}; ` +
      `beyond it ${countVerdicts(beyond.map((s) => s.verdict)).replace(/, 0 (manual|not run)/g, '')}; exit ${exitCode}\n`,
  );
  return result;
}
