import { PickleStepType, TestStepResultStatus, type Envelope, type GherkinDocument, type Pickle, type TestStepResult } from '@cucumber/messages';
import { plain, type Paint } from './colour';
import { NOT_APPLICABLE } from '../checks/applicability';
import { judgeScenario, stepLabel, type StepKind, type StepOutcome } from '../report/scenario-verdict';
import type { ScenarioLine } from '../report/scenario-line';
import { redact } from '../secrets/redaction';

interface CaseState {
  pickle: Pickle;
  /** The test case's steps: a pickle step's id, or a hook's. */
  testSteps: Map<string, { pickleStepId?: string; hookId?: string }>;
  startedAt: number;
  steps: StepOutcome[];
  attachments: string[];
  notes: string[];
}

const KIND_OF_STEP: Record<PickleStepType, StepKind> = {
  [PickleStepType.CONTEXT]: 'precondition',
  [PickleStepType.ACTION]: 'action',
  [PickleStepType.OUTCOME]: 'outcome',
  [PickleStepType.UNKNOWN]: 'outcome',
};

/** Every Gherkin step's keyword as written ("And "), by its AST node id. */
function keywords(document: GherkinDocument): Map<string, string> {
  const found = new Map<string, string>();
  const children = document.feature?.children ?? [];
  const nested = children.flatMap((c) => [c, ...(c.rule?.children ?? [])]);
  for (const child of nested) for (const step of [...(child.background?.steps ?? []), ...(child.scenario?.steps ?? [])]) found.set(step.id, step.keyword);
  return found;
}

/**
 * Turns cucumber's message stream into one line per checked item (a scenario) with its
 * verdict, followed by what decided it: for a failure the failed step and its
 * expected/found/evidence message, for N/A and BLOCKED the one-line reason.
 */
export class ScenarioReporter {
  private readonly pickles = new Map<string, Pickle>();
  private readonly keywords = new Map<string, string>();
  private readonly testCases = new Map<string, { pickleId: string; testSteps: CaseState['testSteps'] }>();
  private readonly hooks = new Map<string, string>();
  private readonly started = new Map<string, CaseState>();
  readonly lines: ScenarioLine[] = [];
  /** Scenarios cucumber skipped whole, hooks too: --fail-fast stopped the run before them. */
  readonly notRun: Array<{ name: string; tags: string[] }> = [];

  private readonly write: (text: string) => void;
  private readonly saveAttachment: (scenario: string, title: string, body: string) => string;

  /** Everything written or saved is redacted: the last gate before a secret could reach a terminal or a file. */
  constructor(
    write: (text: string) => void,
    saveAttachment: (scenario: string, title: string, body: string) => string,
    private readonly live?: { start(name: string): void; stop(): void },
    private readonly paint: Paint = plain,
  ) {
    this.write = (text) => write(redact(text));
    this.saveAttachment = (scenario, title, body) => saveAttachment(redact(scenario), redact(title), redact(body));
  }

  onMessage = (envelope: Envelope): void => {
    if (envelope.gherkinDocument) for (const [id, keyword] of keywords(envelope.gherkinDocument)) this.keywords.set(id, keyword);
    if (envelope.pickle) this.pickles.set(envelope.pickle.id, envelope.pickle);
    if (envelope.hook) this.hooks.set(envelope.hook.id, envelope.hook.name ?? envelope.hook.tagExpression ?? 'Before/After');
    if (envelope.testCase) {
      const testSteps = new Map(envelope.testCase.testSteps.map((s) => [s.id, { pickleStepId: s.pickleStepId, hookId: s.hookId }]));
      this.testCases.set(envelope.testCase.id, { pickleId: envelope.testCase.pickleId, testSteps });
    }
    if (envelope.testCaseStarted) {
      const testCase = this.testCases.get(envelope.testCaseStarted.testCaseId);
      const pickle = this.pickles.get(testCase?.pickleId ?? '');
      if (pickle && testCase) {
        this.started.set(envelope.testCaseStarted.id, { pickle, testSteps: testCase.testSteps, startedAt: Date.now(), steps: [], attachments: [], notes: [] });
        this.live?.start(pickle.name);
      }
    }
    if (envelope.testStepFinished) {
      const { testCaseStartedId, testStepId, testStepResult } = envelope.testStepFinished;
      const state = this.started.get(testCaseStartedId);
      if (state) state.steps.push(this.outcome(state, testStepId, testStepResult));
    }
    if (envelope.attachment?.testCaseStartedId) {
      const { testCaseStartedId, body, fileName, mediaType } = envelope.attachment;
      const state = this.started.get(testCaseStartedId);
      if (!state) return;
      if (mediaType.startsWith('text/x.cucumber.log')) state.notes.push(body);
      else state.attachments.push(this.saveAttachment(state.pickle.name, fileName ?? mediaType, body));
    }
    if (envelope.testCaseFinished && !envelope.testCaseFinished.willBeRetried) this.finish(envelope.testCaseFinished.testCaseStartedId);
  };

  private outcome(state: CaseState, testStepId: string, result: TestStepResult): StepOutcome {
    const { pickleStepId, hookId } = state.testSteps.get(testStepId) ?? {};
    const step = state.pickle.steps.find((s) => s.id === pickleStepId);
    const failure = { status: result.status, errorType: result.exception?.type, message: failureText(result) };
    if (!step) return { kind: 'hook', text: this.hooks.get(hookId ?? '') ?? 'Before/After', keyword: '', ...failure };
    return { kind: KIND_OF_STEP[step.type ?? PickleStepType.UNKNOWN], text: step.text, keyword: this.keywords.get(step.astNodeIds[0]) ?? '', ...failure };
  }

  private finish(testCaseStartedId: string): void {
    const state = this.started.get(testCaseStartedId);
    if (!state) return;
    this.started.delete(testCaseStartedId);
    const tags = state.pickle.tags.map((t) => t.name);
    // Not one step or hook ran and no N/A was noted: the scenario was never started (cucumber's
    // failFast skips what follows a failure), which is neither a verdict nor a harness bug.
    if (state.steps.length > 0 && state.notes.length === 0 && state.steps.every((s) => s.status === TestStepResultStatus.SKIPPED)) {
      this.notRun.push({ name: state.pickle.name, tags });
      return;
    }
    const judgement = judgeScenario(state.steps, state.notes);
    const decisive = judgement.decisiveStep;
    const failures = judgement.verdict === 'FAIL' || judgement.verdict === 'ENVIRONMENT' ? [decisive?.message ?? ''].filter(Boolean) : [];
    // The reports show the decisive lines of a failure; the whole message is kept beside them.
    const whole = failures.map((message) => this.saveAttachment(state.pickle.name, 'failure', message));
    const line: ScenarioLine = {
      area: tags[0] ?? '',
      tags,
      name: state.pickle.name,
      verdict: judgement.verdict,
      reason: judgement.reason,
      failedStep: decisive ? stepLabel(decisive) : undefined,
      seconds: (Date.now() - state.startedAt) / 1000,
      failures,
      notes: state.notes,
      attachments: judgement.verdict === 'BLOCKED' ? [] : [...whole, ...state.attachments],
      ...(judgement.judgedBy ? { judgedBy: judgement.judgedBy } : {}),
    };
    this.lines.push(line);
    this.live?.stop();
    this.write(`${this.paint(line.verdict, line.verdict.padEnd(11))} ${line.area.padEnd(20)} ${line.name}\n`);
    for (const note of state.notes) this.write(`      ${note.startsWith(NOT_APPLICABLE) ? '' : 'note: '}${note}\n`);
    if (line.reason && line.verdict !== 'N/A') this.write(`      ${line.verdict.toLowerCase()}: ${line.reason}\n`);
    if (line.verdict === 'FAIL' && line.failedStep) this.write(`      failed step: ${line.failedStep}\n`);
    for (const failure of line.failures) this.write(`${indent(failure, '      ')}\n`);
    for (const file of line.attachments) this.write(`      diagnostics: ${file}\n`);
  }
}

/** A check's own message (expected/found/evidence) without a stack; other errors keep their type. */
function failureText({ exception, message, status }: TestStepResult): string | undefined {
  if (status === TestStepResultStatus.PASSED || status === TestStepResultStatus.SKIPPED) return undefined;
  if (!exception) return message ?? `${status.toLowerCase()} step (no step definition matches it, or several do)`;
  return exception.type === 'CheckFailed' || exception.type === 'EnvironmentLimit' ? (exception.message ?? '') : `${exception.type}: ${exception.message ?? ''}`;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}
