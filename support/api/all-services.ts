import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { ExitCode } from '../errors';
import type { AcceptanceOptions } from './acceptance-options';
import type { ServiceResult } from './run-features';
import { WORKER_LIMIT_VARIABLE, workerLimitPerRun } from './workers';

/** The options a per-service run inherits from an --all run. */
function forwardedOptions(options: AcceptanceOptions): string[] {
  return [
    '--debian',
    options.debian,
    ...(options.tags ? ['--tags', options.tags] : []),
    ...(options.workers ? ['--workers', String(options.workers)] : []),
    ...(options.name ?? []).flatMap((pattern) => ['--name', pattern]),
    ...(options.failFast ? ['--fail-fast'] : []),
    '--format',
    options.format,
    '--reports-dir',
    options.reportsDir,
    ...(options.keep ? ['--keep'] : []),
    ...(options.keepOnFailure ? ['--keep-on-failure'] : []),
    ...(options.docs ? ['--docs', options.docs] : []),
    ...(options.verbose ? ['--verbose'] : []),
  ];
}

/** The worst outcome decides the run: an interruption, an environment error, a failed check, a pass. */
export function overallExitCode(outcomes: Pick<ServiceResult, 'exitCode'>[]): number {
  const codes = outcomes.map((o) => o.exitCode);
  const interruption = codes.find((c) => c === ExitCode.interrupted || c === ExitCode.terminated);
  if (interruption !== undefined) return interruption;
  const verdictCodes: number[] = [ExitCode.passed, ExitCode.checkFailed, ExitCode.environment];
  if (codes.some((c) => c === null || !verdictCodes.includes(c))) return ExitCode.usage;
  if (codes.includes(ExitCode.checkFailed)) return ExitCode.checkFailed;
  return codes.includes(ExitCode.environment) ? ExitCode.environment : ExitCode.passed;
}

/**
 * Checks several services, `parallel` at a time, each in a run of its own (its own host,
 * run id, labels and report directory, so runs cannot collide). Output lines are prefixed
 * with the service name. Ctrl-C and SIGTERM are passed on; each run cleans up after itself.
 */
export async function checkServices(entry: string, services: string[], options: AcceptanceOptions): Promise<ServiceResult[]> {
  const running = new Set<ChildProcess>();
  const queue = [...services];
  const forward = (signal: NodeJS.Signals) => {
    queue.length = 0; // start no new service
    for (const child of running) child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const width = Math.max(...services.map((s) => s.length));
  const outcomes: ServiceResult[] = [];

  const runOne = (service: string) =>
    new Promise<ServiceResult>((resolve) => {
      // Runs at once share the cores: each starts at most its share of the workers (unless --workers says).
      const child = spawn(process.execPath, [...process.execArgv, entry, '--service', service, ...forwardedOptions(options)], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, [WORKER_LIMIT_VARIABLE]: String(workerLimitPerRun(options.parallel)) },
      });
      running.add(child);
      const prefix = `[${service.padEnd(width)}] `;
      // JSON Lines name their service themselves, and a prefix would make them unparseable.
      const outPrefix = options.format === 'json' ? '' : prefix;
      createInterface({ input: child.stdout! }).on('line', (line) => process.stdout.write(`${outPrefix}${line}\n`));
      createInterface({ input: child.stderr! }).on('line', (line) => process.stderr.write(`${prefix}${line}\n`));
      child.on('close', (code, signal) => {
        running.delete(child);
        resolve({ service, exitCode: code ?? (signal === 'SIGINT' ? ExitCode.interrupted : ExitCode.terminated), reports: join(options.reportsDir, service) });
      });
    });

  const worker = async () => {
    for (let service = queue.shift(); service !== undefined; service = queue.shift()) outcomes.push(await runOne(service));
  };
  await Promise.all(Array.from({ length: Math.min(options.parallel, services.length) }, worker));
  process.off('SIGINT', forward);
  process.off('SIGTERM', forward);
  return outcomes.sort((a, b) => services.indexOf(a.service) - services.indexOf(b.service));
}
