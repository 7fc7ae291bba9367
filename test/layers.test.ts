// Layers point one way (steps -> runtime -> rules/probes/host -> core): every relative import
// between the harness's rooms must be an allowed direction. A new import that points up (a
// host module reading the cucumber runtime, a report reading the CLI) fails here with the
// rule it breaks. The few known exceptions are listed by file, each with why it is still
// there; one that no longer exists must leave the list.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { ROOT } from './harness';

/** support/*.ts (errors, poll, paths...) is the core every room may use. */
const CORE = 'support';
/** The shared vocabulary (Fact, Evidence, Shell): core in all but its folder (issue 17 moves it). */
const VOCABULARY = 'support/probes/evidence.ts';

/** Room -> the rooms its modules may import (besides itself, the core and the vocabulary). */
const ALLOWED: Record<string, string[]> = {
  steps: ['support/checks', 'support/configuration', 'support/docs', 'support/host', 'support/ports', 'support/probes', 'support/rules', 'support/runtime', 'support/secrets'],
  // Arguments parsed, the API called, its result mapped to an exit code: the commands' work is api/'s.
  'support/cli': ['support/api', 'support/configuration', 'support/docker', 'support/ports', 'support/runtime', 'support/scaffold'],
  // The harness as a library (one run, its plan, images, cleanup, the lab): what the CLI, the bench and the self-tests call.
  'support/api': [
    'support/checks', 'support/configuration', 'support/docker', 'support/docs', 'support/formatter', 'support/host',
    'support/images', 'support/report', 'support/runtime', 'support/secrets',
  ],
  // The output side: console lines, live progress and the report files, written from verdicts report/ decided.
  'support/formatter': ['support/checks', 'support/configuration', 'support/report', 'support/secrets'],
  'support/runtime': ['support/checks', 'support/configuration', 'support/docker', 'support/host', 'support/probes', 'support/rules', 'support/secrets'],
  // The decisions only (scenario and item verdicts, the exit code): the writing is formatter/'s.
  'support/report': ['support/checks', 'support/configuration'],
  'support/host': ['support/configuration', 'support/docker', 'support/images', 'support/probes', 'support/secrets'],
  'support/images': ['support/docker'],
  // The verdict vocabulary (CheckFailed, EnvironmentLimit) and N/A from the manifest: not a checklist item's rule.
  'support/checks': ['support/configuration', 'support/probes', 'support/secrets'],
  // Pure functions from facts to verdicts, one module per checklist item: they read facts' types, never a host.
  'support/rules': ['support/configuration', 'support/docs', 'support/ports', 'support/probes'],
  'support/configuration': ['support/docker', 'support/ports'],
  'support/probes': [],
  'support/docker': [],
  'support/ports': [],
  'support/docs': [],
  'support/secrets': [],
  'support/scaffold': [],
};

/** "importer -> imported" pairs still pointing the wrong way, and why (issue 17 item 7); none is left. */
const KNOWN_EXCEPTIONS: Record<string, string> = {};

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom '(\.{1,2}\/[^']+)'/gms)].map(([, spec]) => relative(ROOT, resolve(ROOT, dirname(file), spec)) + '.ts');
}

test('imports between rooms only point down the layers', () => {
  const wrong: string[] = [];
  const seen = new Set<string>();
  for (const file of [...sources('support'), ...sources('steps')]) {
    const room = dirname(file);
    for (const target of importsOf(file)) {
      const to = dirname(target);
      if (to === room || to === CORE || target === VOCABULARY) continue;
      const edge = `${file} -> ${target}`;
      if (KNOWN_EXCEPTIONS[edge]) {
        seen.add(edge);
        continue;
      }
      if (!(ALLOWED[room] ?? []).includes(to)) wrong.push(`${edge}: ${room} may import only ${[...(ALLOWED[room] ?? []), CORE].join(', ')}`);
    }
  }
  assert.deepEqual(wrong, []);
  const stale = Object.keys(KNOWN_EXCEPTIONS).filter((edge) => !seen.has(edge));
  assert.deepEqual(stale, [], 'these exceptions are gone from the code: remove them from KNOWN_EXCEPTIONS');
});
