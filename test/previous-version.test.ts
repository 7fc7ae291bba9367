// package.previous as a version apt downloads before the run (issue 13), end to end: wazo-foo
// 1.0.0 served from a one-package archive on the engine's bridge address and upgraded from by
// the @upgrade scenarios; hello's trixie version downloaded from Debian's archive through the
// same code path (the one network this suite uses besides npm).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { loadManifest } from '../support/configuration/manifest-loader';
import { DEBIAN_KEYRING, resolvePreviousPackage } from '../support/configuration/previous-package';
import { fileSha256 } from '../support/configuration/package-record';
import { PATHS } from '../support/paths';
import { buildExamplePackages, EXAMPLE_WORKERS, harnessLeftovers, ROOT, runAcceptance } from './harness';
import { OnePackageArchive } from './one-package-archive';
import { readRunVerdicts, tableDifferences } from './verdict-tables';
import { refusalOf } from './refusal';
import { scratchDir } from './scratch-dir';

const dir = scratchDir('previous-version-test-');


/** wazo-foo's manifest with its previous version taken from `repository`, its paths absolute. */
function wazoFooFromRepositories(repository: string): string {
  const file = join(dir, 'service.yml');
  const manifest = readFileSync(join(PATHS.services, 'wazo-foo.yml'), 'utf8')
    .replace(/  previous:\n    file: .*\n    version: 1\.0\.0\n/, `  previous: { version: 1.0.0, from: repositories }\n  repositories: ["${repository}"]\n`)
    .replace(/\.\.\//g, `${ROOT}/`);
  writeFileSync(file, manifest);
  return file;
}

/** @upgrade only: its two items pass, the manual ones stay manual, every other is not run. */
const UPGRADE_TABLE = {
  exit: 0,
  checklist: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [String(i + 1), i + 1 === 11 || i + 1 === 12 ? 'PASS' : i + 1 === 13 || i + 1 === 15 ? 'MANUAL' : 'NOT RUN'] as const)),
  beyond: {},
};

before(buildExamplePackages);

test('previous: { version: 1.0.0, from: repositories } is downloaded from the repository before the hosts boot, and the upgrade from it passes', async () => {
  const previousDeb = join(PATHS.exampleDebs, 'wazo-foo', 'wazo-foo_1.0.0_all.deb');
  // A fixed port keeps the repository line, and so the dependency layers keyed on it, the same from run to run.
  const archive = await OnePackageArchive.serve(previousDeb, 47613);
  try {
    const manifestFile = wazoFooFromRepositories(archive.sourcesLine);
    const cached = loadManifest(manifestFile).package.previous!.file;
    // A cold cache: this run downloads it.
    rmSync(cached, { force: true });
    rmSync(`${cached}.json`, { force: true });
    const reportsDir = join(dir, 'reports');
    const run = await runAcceptance(['--manifest', manifestFile, '--tags', '@upgrade', '--reports-dir', reportsDir, ...EXAMPLE_WORKERS]);
    const output = `${run.stdout}\n${run.stderr}`;
    assert.match(run.stderr, /previous version: downloading wazo-foo=1\.0\.0 from the repositories of /, output);
    const verdicts = readRunVerdicts(reportsDir, 'wazo-foo', output);
    assert.deepEqual(tableDifferences(UPGRADE_TABLE, verdicts), [], output);
    assert.equal(run.code, 0, output);
    assert.equal(fileSha256(cached), fileSha256(previousDeb), 'the downloaded file is the archive one');
    const { run: record } = JSON.parse(readFileSync(join(reportsDir, 'wazo-foo', 'verdicts.json'), 'utf8')) as { run: { previous?: unknown } };
    assert.deepEqual(record.previous, { file: 'wazo-foo_1.0.0.deb', version: '1.0.0', sha256: fileSha256(previousDeb), from: 'repositories', sources: [archive.sourcesLine] });
    assert.match(readFileSync(join(reportsDir, 'wazo-foo', 'compliance.md'), 'utf8'), /^- Previous version: `wazo-foo_1\.0\.0\.deb`, version 1\.0\.0, sha256 `[0-9a-f]{64}`, from repositories \(`deb \[trusted=yes\] http:/m);
  } finally {
    await archive.close();
  }
  assert.deepEqual(await harnessLeftovers(), []);
});

test("previous: { from: debian } downloads the version Debian's trixie ships (hello), refusing one it does not with the versions it has", { skip: !existsSync(DEBIAN_KEYRING) && `no ${DEBIAN_KEYRING}` }, () => {
  const file = join(dir, 'hello.yml');
  const manifestAt = (version: string) => {
    writeFileSync(
      file,
      `name: hello\npackage:\n  file: hello.deb\n  version: "9.9"\n  previous: { version: "${version}", from: debian }\n` +
        'user: hello\nlogFile: journal\nconfigDir: /etc/hello\nports: []\napi: none\nconsul: { registers: false, readsDefaultConfig: false }\nsupervisor: systemd\nwazoService: false\nbackup: []\nslave: { stateAfterUpgrade: stopped }\n',
    );
    return loadManifest(file);
  };
  // The version trixie carries today: the refusal of one it does not carry lists it.
  const refusal = refusalOf(() => resolvePreviousPackage(manifestAt('0.0-0'), 'trixie', () => undefined));
  assert.equal(refusal.kind, 'configuration', String(refusal));
  assert.match(refusal.problem, /^Debian's trixie repositories have no hello=0\.0-0 \(the previous version\):/);
  assert.match(refusal.problem, /apt asked:\n {4}deb http:\/\/deb\.debian\.org\/debian trixie main\n/);
  const version = /hello \| +(\S+) \| http:\/\/deb\.debian\.org\/debian trixie\/main/.exec(refusal.problem)?.[1];
  assert.ok(version, refusal.problem);

  const manifest = manifestAt(version);
  const cached = manifest.package.previous!.file;
  try {
    rmSync(cached, { force: true });
    const downloads: string[] = [];
    const origin = resolvePreviousPackage(manifest, 'trixie', (m) => downloads.push(m));
    assert.equal(origin?.from, 'debian');
    assert.deepEqual(downloads, [`previous version: downloading hello=${version} from Debian's trixie repositories`]);
    assert.equal(cached, join(PATHS.cache, 'previous-packages', 'debian', `hello_${version.replace(/:/g, '%3a')}.deb`));
    assert.equal(execFileSync('dpkg-deb', ['--field', cached, 'Package', 'Version'], { encoding: 'utf8' }), `Package: hello\nVersion: ${version}\n`);
    const kept = JSON.parse(readFileSync(`${cached}.json`, 'utf8')) as { sha256: string };
    assert.equal(kept.sha256, fileSha256(cached));
    // Warm: no network.
    resolvePreviousPackage(manifest, 'trixie', (m) => downloads.push(m));
    assert.equal(downloads.length, 1);
  } finally {
    rmSync(cached, { force: true });
    rmSync(`${cached}.json`, { force: true });
  }
});
