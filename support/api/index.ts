// The harness as a library: what the CLI, the bench and the self-tests call. One run of the
// checks (runAcceptance), what it would check (listChecks), the images it needs
// (prepareImages, prepareEverything), cleaning up after ended runs (cleanup), and hosts
// outside a run (Lab). The bench and the self-tests import it here; each command of cli/
// imports the modules it calls, so that it loads only what it needs.
export type { AcceptanceOptions, OutputFormat, Shard, Suite } from './acceptance-options';
export { FORMATS, SUITES } from './acceptance-options';
export { cleanup } from './engine';
export { buildImages, imagesCacheKey, prepareImages, presentImages, type HarnessImages } from './images';
export { Lab } from './lab';
export { ciMatrix, type MatrixRequest } from './matrix';
export { listChecks } from './plan';
export { applyTimeoutScale, runAcceptance, type AcceptanceCommand, type AcceptanceResult } from './run-acceptance';
export type { ServiceResult } from './run-features';
export { allScenarios } from './feature-plan';
