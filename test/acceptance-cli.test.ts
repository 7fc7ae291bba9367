import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { harnessLeftovers, ROOT, runAcceptance } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'cli-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('an unknown service exits 2, names the known ones and suggests the closest', async () => {
  const run = await runAcceptance(['--service', 'wazo-fooo']);
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, /usage error: unknown service "wazo-fooo".*known: .*wazo-foo/);
  assert.match(run.stderr, /fix: did you mean wazo-foo\?/);
});

test('a bad option value exits 2 with the allowed values', async () => {
  const run = await runAcceptance(['--service', 'wazo-foo', '--debian', 'sid']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /Allowed choices are trixie, bookworm/);
});

test('--help prints the usage and exits 0', async () => {
  const run = await runAcceptance(['--help']);
  assert.equal(run.code, 0);
  assert.match(run.stdout, /--package <file\.deb>/);
  assert.match(run.stdout, /Exit codes: 0 every applicable check passed, 1 a check failed or was blocked,\n2 usage, configuration or environment error, 3 nothing failed but the host\ncould not answer a check \(ENVIRONMENT\)\./);
});

test('a missing package and a file that is not a .deb exit 2 before any host starts', async () => {
  const missing = await runAcceptance(['--service', 'wazo-foo', '--package', join(dir, 'absent.deb')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /configuration error: the current package .*absent\.deb does not exist \(ENOENT\)/);
  const text = join(dir, 'notes.deb');
  writeFileSync(text, 'not an archive\n');
  const notDeb = await runAcceptance(['--service', 'wazo-foo', '--package', text]);
  assert.equal(notDeb.code, 2);
  assert.match(notDeb.stderr, /is not a Debian package/);
  assert.deepEqual(await harnessLeftovers(), []);
});

test('an unreachable Docker Engine exits 2 and says how to get one', async () => {
  const run = await runAcceptance(['--service', 'wazo-foo'], { DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /environment error: the Docker Engine is not reachable at unix:\/\/\/nonexistent\/docker\.sock/);
  assert.match(run.stderr, /fix: on a Debian host run `npm run setup`/);
});

const goodManifest = readFileSync(join(ROOT, 'services', 'wazo-foo.yml'), 'utf8').replace(/\.\.\/build\//g, `${ROOT}/build/`);

for (const [problem, edit, message] of [
  ['a missing field', (m: string) => m.replace(/^user: .*\n/m, ''), /service\.yml:\d+: user is missing \(it is required\)/],
  ['a value of the wrong type', (m: string) => m.replace('port: 9504', 'port: nine'), /service\.yml:\d+: api\.port must be integer \(found "nine"\)/],
  ['an unknown field', (m: string) => m.replace('wazoService: true', 'wazoService: true\nmonitored: true'), /service\.yml:\d+: monitored is not a known field/],
  ['invalid YAML', (m: string) => m.replace('api:\n', 'api: [\n'), /manifest is not valid YAML:\n\s+\S*service\.yml:\d+:/],
] as const) {
  test(`a manifest with ${problem} exits 2 naming file, line and field, and leaves nothing behind`, async () => {
    const file = join(dir, 'service.yml');
    writeFileSync(file, edit(goodManifest));
    const run = await runAcceptance(['--manifest', file]);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /^configuration error: /);
    assert.match(run.stderr, message);
    assert.match(run.stderr, /fix: /);
    assert.deepEqual(await harnessLeftovers(), []);
  });
}
