// Runs every *.test.ts (unit specs beside the code in support/, harness self-tests in test/)
// with node's test runner, and ends with one summary line CI can read.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

const root = join(__dirname, '..');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const only = process.argv.slice(2);
const files = ['support', 'steps', 'test']
  .flatMap((dir) => testFiles(join(root, dir)))
  .filter((file) => only.length === 0 || only.some((o) => relative(root, file).includes(o)))
  .sort();

let passed = 0;
let failed = 0;
// One file at a time: the harness self-tests each boot hosts, and these machines have 2 cores.
const stream = run({ files, concurrency: 1 });
stream.on('test:pass', (event) => {
  if (event.details.type !== 'suite') passed++;
});
stream.on('test:fail', (event) => {
  if (event.details.type !== 'suite') failed++;
});
const report = stream.compose(new spec());
report.pipe(process.stdout, { end: false });
report.on('end', () => {
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
});
