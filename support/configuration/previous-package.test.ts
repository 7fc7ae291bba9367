// The resolution of a previous version `from` a source, against a local flat archive (file:
// URIs, no network) with this machine's apt: downloaded once into the cache with its sha256,
// then read from there; a version the archive lacks and an archive apt cannot reach refused.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { loadManifest } from './manifest-loader';
import { DEBIAN_KEYRING, debianRepositories, previousRecord, resolvePreviousPackage } from './previous-package';
import { refusalOf } from '../../test/refusal';

const skip = spawnSync('apt-get', ['--version']).error || spawnSync('dpkg-deb', ['--version']).error ? 'no apt-get or dpkg-deb on this machine' : false;

const dir = mkdtempSync(join(tmpdir(), 'previous-package-test-'));
const cached: string[] = [];
after(() => {
  rmSync(dir, { recursive: true, force: true });
  // The cache folders of this spec's archives (their lines name this spec's directory).
  for (const file of cached) rmSync(dirname(file), { recursive: true, force: true });
});

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A flat archive holding hello-previous 1.0, as a trusted file: line. */
function archive(): { line: string; deb: string } {
  const root = join(dir, 'archive');
  const tree = join(dir, 'tree');
  mkdirSync(join(tree, 'DEBIAN'), { recursive: true });
  mkdirSync(root, { recursive: true });
  writeFileSync(join(tree, 'DEBIAN', 'control'), 'Package: hello-previous\nVersion: 1.0\nArchitecture: all\nMaintainer: Spec <spec@example.org>\nDescription: a package for this spec\n');
  const deb = join(root, 'hello-previous_1.0_all.deb');
  execFileSync('dpkg-deb', ['--build', tree, deb], { stdio: 'ignore' });
  const control = execFileSync('dpkg-deb', ['-f', deb], { encoding: 'utf8' }).trimEnd();
  writeFileSync(join(root, 'Packages'), `${control}\nFilename: ./${'hello-previous_1.0_all.deb'}\nSize: ${statSync(deb).size}\nSHA256: ${sha256(deb)}\n\n`);
  return { line: `deb [trusted=yes] file:${root} ./`, deb };
}

function manifestWith(previous: string, repositories: string[]) {
  const file = join(dir, 'service.yml');
  writeFileSync(
    file,
    `name: hello-previous\npackage:\n  file: hello.deb\n  version: "2.0"\n  previous: ${previous}\n  repositories: ${JSON.stringify(repositories)}\n` +
      'user: hello\nlogFile: journal\nconfigDir: /etc/hello\nports: []\napi: none\nconsul: { registers: false, readsDefaultConfig: false }\nsupervisor: systemd\nwazoService: false\nbackup: []\nslave: { stateAfterUpgrade: stopped }\n',
  );
  const manifest = loadManifest(file);
  if (manifest.package.previous) cached.push(manifest.package.previous.file);
  return manifest;
}

test('a version from the repositories is downloaded once into the cache with its sha256; a warm run asks no apt, a damaged file is downloaded again', { skip }, () => {
  const { line, deb } = archive();
  const manifest = manifestWith('{ version: "1.0", from: repositories }', [line]);
  const file = manifest.package.previous!.file;
  const downloads: string[] = [];
  assert.deepEqual(resolvePreviousPackage(manifest, 'trixie', (m) => downloads.push(m)), { from: 'repositories', sources: [line] });
  assert.deepEqual(downloads, [`previous version: downloading hello-previous=1.0 from the repositories of ${join(dir, 'service.yml')}`]);
  assert.equal(sha256(file), sha256(deb));
  assert.deepEqual(JSON.parse(readFileSync(`${file}.json`, 'utf8')), { sha256: sha256(deb), sources: [line] });
  assert.deepEqual(previousRecord(manifest, { from: 'repositories', sources: [line] }), { file: 'hello-previous_1.0.deb', version: '1.0', sha256: sha256(deb), from: 'repositories', sources: [line] });

  // The archive gone: the cache answers, apt is not asked.
  rmSync(join(dir, 'archive'), { recursive: true });
  assert.deepEqual(resolvePreviousPackage(manifest, 'trixie', (m) => downloads.push(m)), { from: 'repositories', sources: [line] });
  assert.equal(downloads.length, 1);

  // A cached file that is not the one kept is not trusted: downloaded again.
  const rebuilt = archive();
  writeFileSync(file, 'half a package');
  resolvePreviousPackage(manifest, 'trixie', (m) => downloads.push(m));
  assert.equal(downloads.length, 2);
  assert.equal(sha256(file), sha256(rebuilt.deb));
});

test('a version the repositories lack is a configuration error naming the sources asked and the versions apt knows', { skip }, () => {
  const { line } = archive();
  const error = refusalOf(() => resolvePreviousPackage(manifestWith('{ version: "0.9", from: repositories }', [line]), 'trixie', () => undefined));
  assert.equal(error.kind, 'configuration');
  assert.match(error.problem, /^the repositories of .*service\.yml have no hello-previous=0\.9 \(the previous version\):/);
  assert.ok(error.problem.includes(`apt asked:\n    ${line}\n`), error.problem);
  assert.match(error.problem, /they have:\n +hello-previous \| +1\.0 \| file:/);
  assert.match(error.fix, /set package\.previous\.version to a version the repositories have/);
});

test('repositories apt cannot reach are an environment error naming them and what apt said', { skip }, () => {
  const line = 'deb [trusted=yes] http://127.0.0.1:9/ ./';
  const error = refusalOf(() => resolvePreviousPackage(manifestWith('{ version: "1.0", from: repositories }', [line]), 'trixie', () => undefined));
  assert.equal(error.kind, 'environment');
  assert.match(error.problem, /^apt could not reach the repositories of .*service\.yml to download hello-previous=1\.0 \(the previous version\); it asked:\n    deb \[trusted=yes\] http:\/\/127\.0\.0\.1:9\/ \.\/\n/);
  assert.match(error.problem, /Failed to fetch http:\/\/127\.0\.0\.1:9\//);
  assert.match(error.fix, /check that this machine reaches them/);
});

test('a previous file the manifest gives is left as it is; no previous version, nothing', () => {
  const manifest = manifestWith('{ file: old.deb, version: "1.0" }', []);
  assert.deepEqual(resolvePreviousPackage(manifest, 'trixie', () => assert.fail('nothing to download')), { from: 'file' });
  const none = loadManifest(join(dir, 'service.yml'));
  assert.equal(resolvePreviousPackage({ ...none, package: { ...none.package, previous: undefined } }, 'trixie', () => undefined), undefined);
});

test("Debian's repositories for a suite: its release, point-release updates and security updates, verified with Debian's keys", { skip: !existsSync(DEBIAN_KEYRING) && `no ${DEBIAN_KEYRING}` }, () => {
  const sources = debianRepositories('trixie');
  assert.deepEqual(sources.lines, [
    'deb http://deb.debian.org/debian trixie main',
    'deb http://deb.debian.org/debian trixie-updates main',
    'deb http://security.debian.org/debian-security trixie-security main',
  ]);
  assert.deepEqual(sources.key, readFileSync(DEBIAN_KEYRING));
  assert.equal(sources.name, "Debian's trixie repositories");
});

test('a version the repositories list but whose file apt cannot download is an environment error, not the manifest\'s', { skip }, () => {
  const { line, deb } = archive();
  rmSync(deb);
  const manifest = manifestWith('{ version: "1.0", from: repositories }', [line]);
  // Not the first spec's download: this one asks apt.
  rmSync(manifest.package.previous!.file, { force: true });
  const error = refusalOf(() => resolvePreviousPackage(manifest, 'trixie', () => undefined));
  assert.equal(error.kind, 'environment');
  assert.match(error.problem, /^the repositories of .*service\.yml list hello-previous=1\.0 \(the previous version\), but apt could not download it:/);
});
