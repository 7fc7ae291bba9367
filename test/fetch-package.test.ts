// `npm run fetch-package` end to end: a real package (Debian's hello) from a real archive
// (Debian's, the one network this suite uses besides npm), with apt on this machine, leaving
// nothing in the temporary directory.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from './harness';
import { scratchDir } from './scratch-dir';

const DEBIAN_KEYRING = '/usr/share/keyrings/debian-archive-keyring.gpg';
const noApt = spawnSync('apt-get', ['--version']).error;
const skip = noApt ? 'apt-get is not on this machine: fetch-package uses the machine\'s apt' : !existsSync(DEBIAN_KEYRING) ? `no ${DEBIAN_KEYRING} (debian-archive-keyring) to verify Debian's archive with` : false;

const scratch = scratchDir('fetch-package-test-');

/** A manifest of hello at VERSION, its previous version the same, from trixie, signed by Debian's key beside it. */
function helloManifest(version: string): string {
  const file = join(scratch, 'service.yml');
  const packageSection = [
    '  file: debs/hello.deb',
    `  version: ${version}`,
    `  previous: { file: debs/hello-previous.deb, version: ${version} }`,
    '  builtFrom: repositories',
    '  repositories: ["deb http://deb.debian.org/debian trixie main"]',
    '  signedBy: debian-archive-keyring.gpg',
  ].join('\n');
  writeFileSync(file, `name: hello\npackage:\n${packageSection}\nuser: hello\nlogFile: journal\nconfigDir: /etc/hello\nports: []\napi: none\nconsul: { registers: false, readsDefaultConfig: false }\nsupervisor: systemd\nwazoService: false\nbackup: []\nslave: { stateAfterUpgrade: stopped }\n`);
  return file;
}

function fetchPackage(manifest: string, temporary: string) {
  return spawnSync(process.execPath, ['--require', 'ts-node/register/transpile-only', 'support/cli/fetch-package.ts', '--manifest', manifest], {
    cwd: ROOT,
    encoding: 'utf8',
    // ts-node's compile cache (v8-compile-cache-lib) would write in TMPDIR too: not the command's.
    env: { ...process.env, TMPDIR: temporary, DISABLE_V8_COMPILE_CACHE: '1' },
  });
}

test("fetch-package downloads hello and its previous version from Debian's archive to the manifest's paths, and leaves no temporary directory", { skip }, () => {
  copyFileSync(DEBIAN_KEYRING, join(scratch, 'debian-archive-keyring.gpg'));
  const temporary = join(scratch, 'tmp');
  mkdirSync(temporary);
  // The version trixie carries today: the refusal of one it does not carry lists it.
  const missing = fetchPackage(helloManifest('0.0-0'), temporary);
  assert.equal(missing.status, 2, missing.stderr);
  assert.match(missing.stderr, /^configuration error: the repositories of .*service\.yml have no hello=0\.0-0 \(the current version\)/);
  const version = /hello \| +(\S+) \| http:\/\/deb\.debian\.org\/debian trixie\/main/.exec(missing.stderr)?.[1];
  assert.ok(version, missing.stderr);
  assert.deepEqual(readdirSync(temporary), [], 'a refused fetch leaves nothing either');

  const fetched = fetchPackage(helloManifest(version), temporary);
  assert.equal(fetched.status, 0, fetched.stderr);
  const current = join(scratch, 'debs', 'hello.deb');
  const previous = join(scratch, 'debs', 'hello-previous.deb');
  assert.equal(fetched.stdout, `current\t${current}\nprevious\t${previous}\n`);
  for (const file of [current, previous]) {
    assert.equal(execFileSync('dpkg-deb', ['--field', file, 'Package', 'Version'], { encoding: 'utf8' }), `Package: hello\nVersion: ${version}\n`);
  }
  assert.deepEqual(readdirSync(temporary), []);
});
