// The JSON answer of a pure computation that costs CPU, kept between runs on the machine running
// the harness in build/cache/NAME/, under the sha256 of everything the answer depends on: a run
// with the same inputs reads it instead of computing it again (`rm -r build/cache/NAME` forgets).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './project-root';
import { writeFileWhole } from './whole-file';

export async function cachedAnswer<T>(
  name: string,
  inputs: readonly string[],
  isAnswer: (value: unknown) => value is T,
  compute: () => Promise<T>,
  dir = join(PROJECT_ROOT, 'build', 'cache', name),
): Promise<T> {
  const digest = createHash('sha256');
  for (const input of inputs) digest.update(input).update('\0');
  const file = join(dir, `${digest.digest('hex')}.json`);
  try {
    const kept: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (isAnswer(kept)) return kept;
  } catch {
    // No answer kept, or one cut short: computed again, and written whole.
  }
  const answer = await compute();
  try {
    writeFileWhole(file, `${JSON.stringify(answer)}\n`);
  } catch {
    // A cache that cannot be written costs the next run the computation, nothing else.
  }
  return answer;
}
