import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { HarnessError } from '../errors';
import { loadManifest } from './manifest-loader';
import { aptOptions, fetchedLines, fetchTargets } from './package-fetch';

const dir = mkdtempSync(join(tmpdir(), 'package-fetch-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** wazo-foo's manifest with its package section replaced. */
function manifestWith(packageSection: string) {
  const file = join(dir, 'service.yml');
  writeFileSync(file, `name: hello\npackage:\n${packageSection}user: hello\nlogFile: journal\nconfigDir: /etc/hello\nports: []\napi: none\nconsul: { registers: false, readsDefaultConfig: false }\nsupervisor: systemd\nwazoService: false\nbackup: []\nslave: { stateAfterUpgrade: stopped }\n`);
  return loadManifest(file);
}

const fromRepositories = '  file: debs/hello.deb\n  version: 2.10-5\n  builtFrom: repositories\n  repositories: ["deb http://deb.debian.org/debian trixie main"]\n';

test("every apt option points under the private state: none reads /etc/apt's sources or keys, none writes /var/lib/apt", () => {
  const options = aptOptions('/tmp/state', 'runner');
  const pairs = options.filter((_, i) => i % 2 === 1);
  assert.ok(options.every((o, i) => i % 2 === 1 || o === '-o'));
  const dirs = pairs.filter((p) => p.startsWith('Dir::'));
  assert.deepEqual(dirs.filter((p) => !p.split('=')[1]?.startsWith('/tmp/state/')), []);
  for (const key of ['Dir::Etc::SourceList', 'Dir::Etc::SourceParts', 'Dir::Etc::Trusted', 'Dir::Etc::TrustedParts', 'Dir::State::Lists', 'Dir::State::status', 'Dir::Cache::Archives']) {
    assert.ok(dirs.some((p) => p.startsWith(`${key}=`)), `${key} is set`);
  }
  assert.ok(pairs.includes('APT::Sandbox::User=runner'));
});

test('the targets are the current and previous versions, to the manifest paths or to a destination under apt names', () => {
  const manifest = manifestWith(`${fromRepositories}  previous: { file: debs/hello-old.deb, version: 2.10-3 }\n`);
  assert.deepEqual(fetchTargets(manifest), [
    { role: 'current', spec: 'hello=2.10-5', place: { file: join(dir, 'debs', 'hello.deb') } },
    { role: 'previous', spec: 'hello=2.10-3', place: { file: join(dir, 'debs', 'hello-old.deb') } },
  ]);
  assert.deepEqual(fetchTargets(manifest, '/out').map((t) => t.place), [{ dir: '/out' }, { dir: '/out' }]);
});

test('a previous version from a source is left to the run, which downloads it to the cache: fetch-package fetches the current one only', () => {
  for (const from of ['debian', 'repositories']) {
    const manifest = manifestWith(`${fromRepositories}  previous: { version: 2.10-3, from: ${from} }\n`);
    assert.deepEqual(fetchTargets(manifest).map((t) => t.role), ['current']);
  }
});

test('a manifest that does not take its package from the repositories is refused at its field, with the choices', () => {
  for (const [section, found] of [['  file: hello.deb\n  version: 1.0.0\n  builtFrom: examples\n', 'examples'], ['  file: hello.deb\n  version: 1.0.0\n', 'not set']] as const) {
    const manifest = manifestWith(section);
    assert.throws(() => fetchTargets(manifest), (error: unknown) => {
      assert.ok(error instanceof HarnessError);
      assert.match(error.message, new RegExp(`service\\.yml:\\d+: package\\.builtFrom is ${found}.*\\n  fix: .*examples, repositories, or none`));
      return true;
    });
  }
});

test('each file is printed as its role and absolute path, tab-separated', () => {
  assert.equal(fetchedLines([{ role: 'current', file: '/a/b c.deb' }, { role: 'previous', file: '/a/d.deb' }]), 'current\t/a/b c.deb\nprevious\t/a/d.deb\n');
});
