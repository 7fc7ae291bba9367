import { readFileSync } from 'node:fs';
import { displayPath } from '../display-path';
import { parseRequirements, type Requirement } from './requirements-txt';
import { HarnessError } from '../errors';
import { fact, harnessFileEvidence, type Fact } from '../probes/evidence';

/** The manifest's requirements.txt, read where the harness runs (the host never sees it). */
export function readRequirementsFile(file: string): Fact<Requirement[]> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new HarnessError('configuration', `cannot read the requirements file ${displayPath(file)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, "correct requirements.file in the service's manifest");
  }
  return fact(parseRequirements(text), harnessFileEvidence(displayPath(file), text));
}
