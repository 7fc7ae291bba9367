import { TestStepResultStatus, type Envelope, type GherkinDocument, type Pickle, type TestStepResult } from '@cucumber/messages';
import { redact } from '../secrets/redaction';

interface CaseState {
  pickle: Pickle;
  startedAt: number;
  statuses: Set<TestStepResultStatus>;
  failures: string[];
  failedSteps: string[];
  attachments: string[];
  notes: string[];
}

const marks: Partial<Record<TestStepResultStatus, string>> = {
  [TestStepResultStatus.PASSED]: 'PASS',
  [TestStepResultStatus.FAILED]: 'FAIL',
  [TestStepResultStatus.SKIPPED]: 'N/A',
};

/** One checked item (a scenario) as the reports see it. */
export interface ScenarioLine {
  area: string;
  tags: string[];
  name: string;
  status: TestStepResultStatus;
  seconds: number;
  failures: string[];
  notes: string[];
  attachments: string[];
}

/**
 * Turns cucumber's message stream into one line per checked item (a scenario), followed,
 * for a failure, by its expected/found/evidence message and where its diagnostics are.
 */
export class ScenarioReporter {
  private readonly pickles = new Map<string, Pickle>();
  private readonly testCases = new Map<string, string>();
  private readonly started = new Map<string, CaseState>();
  /** Gherkin step id -> its keyword ("Then ", "And "), and test step id -> its pickle step: to name the failing step as written. */
  private readonly keywords = new Map<string, string>();
  private readonly pickleSteps = new Map<string, { astNodeId: string; text: string }>();
  readonly lines: ScenarioLine[] = [];

  private readonly write: (text: string) => void;
  private readonly saveAttachment: (scenario: string, title: string, body: string) => string;

  /** Everything written or saved is redacted: the last gate before a secret could reach a terminal or a file. */
  constructor(
    write: (text: string) => void,
    saveAttachment: (scenario: string, title: string, body: string) => string,
    private readonly live?: { start(name: string): void; stop(): void },
  ) {
    this.write = (text) => write(redact(text));
    this.saveAttachment = (scenario, title, body) => saveAttachment(redact(scenario), redact(title), redact(body));
  }

  onMessage = (envelope: Envelope): void => {
    if (envelope.gherkinDocument) for (const [id, keyword] of stepKeywords(envelope.gherkinDocument)) this.keywords.set(id, keyword);
    if (envelope.pickle) this.pickles.set(envelope.pickle.id, envelope.pickle);
    if (envelope.testCase) {
      this.testCases.set(envelope.testCase.id, envelope.testCase.pickleId);
      const steps = this.pickles.get(envelope.testCase.pickleId)?.steps ?? [];
      for (const { id, pickleStepId } of envelope.testCase.testSteps) {
        const step = steps.find((s) => s.id === pickleStepId);
        if (step) this.pickleSteps.set(id, { astNodeId: step.astNodeIds[0], text: step.text });
      }
    }
    if (envelope.testCaseStarted) {
      const pickle = this.pickles.get(this.testCases.get(envelope.testCaseStarted.testCaseId) ?? '');
      if (pickle) {
        this.started.set(envelope.testCaseStarted.id, { pickle, startedAt: Date.now(), statuses: new Set(), failures: [], failedSteps: [], attachments: [], notes: [] });
        this.live?.start(pickle.name);
      }
    }
    if (envelope.testStepFinished) {
      const { testCaseStartedId, testStepId, testStepResult } = envelope.testStepFinished;
      const state = this.started.get(testCaseStartedId);
      state?.statuses.add(testStepResult.status);
      // Ambiguous and undefined steps are the harness's own bugs: they must say so, not pass silently.
      const broken = [TestStepResultStatus.FAILED, TestStepResultStatus.AMBIGUOUS, TestStepResultStatus.UNDEFINED];
      if (state && broken.includes(testStepResult.status)) {
        state.failures.push(failureText(testStepResult));
        const step = this.pickleSteps.get(testStepId);
        // A failing hook has no pickle step: only steps are named.
        if (step) state.failedSteps.push(`${this.keywords.get(step.astNodeId) ?? ''}${step.text}`);
      }
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

  private finish(testCaseStartedId: string): void {
    const state = this.started.get(testCaseStartedId);
    if (!state) return;
    this.started.delete(testCaseStartedId);
    const tags = state.pickle.tags.map((t) => t.name);
    const line: ScenarioLine = {
      area: tags[0] ?? '',
      tags,
      name: state.pickle.name,
      status: worst(state.statuses),
      seconds: (Date.now() - state.startedAt) / 1000,
      failures: state.failures,
      notes: state.notes,
      attachments: state.attachments,
    };
    this.lines.push(line);
    this.live?.stop();
    this.write(`${(marks[line.status] ?? line.status).padEnd(5)} ${line.area.padEnd(20)} ${line.name}\n`);
    for (const step of state.failedSteps) this.write(`      failed step: ${step}\n`);
    for (const note of state.notes) this.write(`      note: ${note}\n`);
    for (const failure of state.failures) this.write(`${indent(failure, '      ')}\n`);
    for (const file of state.attachments) this.write(`      diagnostics: ${file}\n`);
  }
}

/** Every step of a feature (background, scenario, rule) with its keyword as written: "Then ", "And ". */
function stepKeywords({ feature }: GherkinDocument): Array<[string, string]> {
  type Child = NonNullable<GherkinDocument['feature']>['children'][number];
  const steps = (children: readonly Child[]): Array<[string, string]> =>
    children.flatMap((child) => [
      ...(child.background ?? child.scenario)?.steps.map((step): [string, string] => [step.id, step.keyword]) ?? [],
      ...(child.rule ? steps(child.rule.children) : []),
    ]);
  return steps(feature?.children ?? []);
}

/** A check's own message (expected/found/evidence) without a stack; other errors keep their type. */
function failureText({ exception, message, status }: TestStepResult): string {
  if (!exception) return message ?? `${status.toLowerCase()} step (no step definition matches it, or several do)`;
  return exception.type === 'CheckFailed' ? (exception.message ?? '') : `${exception.type}: ${exception.message ?? ''}`;
}

/** The scenario's verdict from its steps' results; a skipped step means "not applicable here". */
function worst(statuses: Set<TestStepResultStatus>): TestStepResultStatus {
  const { FAILED, AMBIGUOUS, UNDEFINED, PENDING, SKIPPED, PASSED } = TestStepResultStatus;
  return [FAILED, AMBIGUOUS, UNDEFINED, PENDING, SKIPPED].find((status) => statuses.has(status)) ?? PASSED;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}
