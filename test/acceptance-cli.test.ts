import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Docker from 'dockerode';
import { removeRunResources } from '../support/docker/janitor';
import { LABEL } from '../support/docker/run-labels';
import { hasLocalDpkgDeb } from '../support/configuration/package-preflight';
import { buildExamplePackages, harnessLeftovers, ROOT, runAcceptance, type HarnessRun } from './harness';
import { PATHS } from '../support/paths';
import { scratchDir } from './scratch-dir';

const dir = scratchDir('cli-test-');

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

const goodManifest = readFileSync(join(PATHS.services, 'wazo-foo.yml'), 'utf8').replace(/\.\.\/build\//g, `${ROOT}/build/`);

for (const [problem, edit, message] of [
  ['a missing field', (m: string) => m.replace(/^user: .*\n/m, ''), /service\.yml:\d+: user is missing \(it is required\)/],
  ['a value of the wrong type', (m: string) => m.replace('\n  port: 9504', '\n  port: nine'), /service\.yml:\d+: api\.port must be integer \(found "nine"\)/],
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

// Bad input is answered before the engine is asked for anything: these runs point DOCKER_HOST
// at a socket that does not exist, so reaching the engine would end in an environment error.
const NO_ENGINE = { DOCKER_HOST: 'unix:///nonexistent/docker.sock' };

/** A usage or configuration error: exit 2, one paragraph with the fix, no stack, no engine asked. */
function assertRefused(run: HarnessRun, message: RegExp): void {
  assert.equal(run.code, 2, run.stdout + run.stderr);
  assert.match(run.stderr, message);
  // (A first run after a change of the sources says first that it compiles them.)
  assert.match(run.stderr, /^(usage|configuration) error: [^\n]*(\n  [^\n]*)*\n  fix: /m);
  assert.doesNotMatch(run.stderr, /\n\s+at |internal error \(please report it\)|Docker Engine/);
}

/** An ar archive of these members, as a .deb is (deb(5)). */
function arArchive(members: Array<[string, Buffer]>): Buffer {
  const parts: Buffer[] = [Buffer.from('!<arch>\n')];
  for (const [name, data] of members) {
    const header = `${name.padEnd(16)}${'0'.padEnd(12)}${'0'.padEnd(6)}${'0'.padEnd(6)}${'100644'.padEnd(8)}${String(data.length).padEnd(10)}\`\n`;
    parts.push(Buffer.from(header, 'latin1'), data, Buffer.alloc(data.length % 2, '\n'));
  }
  return Buffer.concat(parts);
}

const hasDpkgDeb = hasLocalDpkgDeb();

/** A real .deb of package `name`, built with the machine's dpkg-deb. */
function buildDeb(name: string): string {
  const tree = join(dir, `${name}-tree`);
  mkdirSync(join(tree, 'DEBIAN'), { recursive: true });
  writeFileSync(join(tree, 'DEBIAN', 'control'), `Package: ${name}\nVersion: 1.0.0\nArchitecture: all\nMaintainer: test <test@example.org>\nDescription: fixture\n`);
  const deb = join(dir, `${name}_1.0.0_all.deb`);
  const built = spawnSync('dpkg-deb', ['--root-owner-group', '--build', tree, deb], { encoding: 'utf8' });
  assert.equal(built.status, 0, built.stderr);
  return deb;
}

test('WAZO_ACCEPTANCE_TIMEOUT_SCALE=fast: exit 2 with the fix, no stack; --help still works', async () => {
  const fast = { ...NO_ENGINE, WAZO_ACCEPTANCE_TIMEOUT_SCALE: 'fast' };
  assertRefused(await runAcceptance(['--service', 'wazo-foo'], fast), /usage error: WAZO_ACCEPTANCE_TIMEOUT_SCALE=fast is not a factor between 0 and 20/);
  const help = await runAcceptance(['--help'], fast);
  assert.equal(help.code, 0, help.stderr);
  assert.match(help.stdout, /--service <name>/);
});

test('--tags that do not parse, or select no scenario, exit 2 before any image or engine', async () => {
  assertRefused(await runAcceptance(['--service', 'wazo-foo', '--tags', '@user and'], NO_ENGINE), /usage error: --tags "@user and" is not a tag expression/);
  assertRefused(await runAcceptance(['--service', 'wazo-foo', '--tags', '@nope'], NO_ENGINE), /usage error: --tags "@nope" selects no scenario of wazo-foo/);
  assertRefused(await runAcceptance(['--all', '--tags', 'or @user'], NO_ENGINE), /is not a tag expression/);
  assertRefused(await runAcceptance(['--service', 'wazo-foo', '--name', 'no scenario is called this'], NO_ENGINE), /--name "no scenario is called this" selects no scenario/);
});

test('an unknown service and an invalid manifest are refused without a Docker Engine', async () => {
  assertRefused(await runAcceptance(['--service', 'wazo-fooo'], NO_ENGINE), /unknown service "wazo-fooo".*\n  fix: did you mean wazo-foo\?/);
  const file = join(dir, 'no-user.yml');
  writeFileSync(file, goodManifest.replace(/^user: .*\n/m, ''));
  assertRefused(await runAcceptance(['--manifest', file], NO_ENGINE), /no-user\.yml:\d+: user is missing/);
});

test('a package the manifest takes from its repositories, not fetched yet, is refused with the fetch to run, without an engine', async () => {
  const file = join(dir, 'from-repositories.yml');
  const fromRepositories = goodManifest
    .replace(/^(  file: ).*wazo-foo_1\.1\.0_all\.deb$/m, `$1${join(dir, 'not-fetched', 'wazo-foo_1.1.0_all.deb')}`)
    .replace(/^  builtFrom: .*\n/m, '')
    .replace(/^package:\n/m, 'package:\n  builtFrom: repositories\n  repositories:\n    - deb http://deb.debian.org/debian trixie main\n');
  writeFileSync(file, fromRepositories);
  assertRefused(await runAcceptance(['--manifest', file], NO_ENGINE), /not-fetched\/wazo-foo_1\.1\.0_all\.deb[^\n]*\n  fix: fetch it from the manifest's repositories first: npm run fetch-package -- --manifest \S*from-repositories\.yml/);
});

test('--package given a directory says so; --cleanup with a service is refused', async () => {
  assertRefused(await runAcceptance(['--service', 'wazo-foo', '--package', dir], NO_ENGINE), /the current package \S+ is a directory .*not a \.deb file/);
  assertRefused(await runAcceptance(['--cleanup', '--service', 'wazo-foo'], NO_ENGINE), /usage error: --cleanup with --service\n  fix: run --cleanup alone/);
});

test('a truncated .deb is refused from its ar structure, on any machine, without an engine', async () => {
  const whole = arArchive([
    ['debian-binary', Buffer.from('2.0\n')],
    ['control.tar.xz', Buffer.alloc(200, 1)],
    ['data.tar.xz', Buffer.alloc(2000, 2)],
  ]);
  const cut = join(dir, 'cut.deb');
  writeFileSync(cut, whole.subarray(0, 1000));
  assertRefused(await runAcceptance(['--service', 'wazo-foo', '--package', cut], NO_ENGINE), /the current package \S*cut\.deb is truncated or corrupt: member data\.tar\.xz declares 2000 bytes, but the file ends after \d+/);
  const noData = join(dir, 'no-data.deb');
  writeFileSync(noData, arArchive([['debian-binary', Buffer.from('2.0\n')], ['control.tar.xz', Buffer.alloc(200, 1)]]));
  assertRefused(await runAcceptance(['--service', 'wazo-foo', '--package', noData], NO_ENGINE), /is truncated or corrupt: it has no data\.tar member/);
});

test('a .deb of another package, or with a corrupt content, is refused by the machine\'s dpkg-deb without an engine', { skip: !hasDpkgDeb && 'no dpkg-deb on this machine (the container reads it after the images instead)' }, async () => {
  const other = buildDeb('wazo-bar');
  assertRefused(await runAcceptance(['--service', 'wazo-foo', '--package', other], NO_ENGINE), /wazo-bar_1\.0\.0_all\.deb is package "wazo-bar", but the manifest describes package "wazo-foo"/);
  // Same ar structure, data member overwritten: only reading the content finds it.
  const corrupt = join(dir, 'corrupt.deb');
  const bytes = readFileSync(buildDeb('wazo-foo'));
  bytes.fill(0x55, bytes.length - 40, bytes.length - 2);
  writeFileSync(corrupt, bytes);
  assertRefused(await runAcceptance(['--service', 'wazo-foo', '--package', corrupt], NO_ENGINE), /corrupt\.deb is not a readable Debian package \(dpkg-deb exited \d+\)/);
});

test('--version prints package.json\'s; --help has one default per option and none for flags', async () => {
  const version = await runAcceptance(['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.stdout.trim(), (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  const help = await runAcceptance(['--help']);
  assert.doesNotMatch(help.stdout, /\(default: false\)/);
  assert.doesNotMatch(help.stdout, /\(default \d+\)\s*\(default: \d+\)/);
  for (const option of ['--version', '--list', '--name <pattern>', '--fail-fast']) assert.ok(help.stdout.includes(option), option);
});

test('--list prints the checks a run would start, with their checklist item and N/A, and starts nothing', async () => {
  const run = await runAcceptance(['--service', 'wazo-foo', '--tags', '@user or @backup', '--list'], NO_ENGINE);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^\d+ checks of wazo-foo would run \(nothing was started\):\n/);
  assert.match(run.stdout, /^@user +The service default user is not root\n +checklist item 1: The service default user is not root$/m);
  assert.doesNotMatch(run.stdout, /@install/);
  const named = await runAcceptance(['--service', 'wazo-bar', '--name', '^The service default user is not root$', '--list'], NO_ENGINE);
  assert.match(named.stdout, /^1 check of wazo-bar would run/);
});

test("README's options table has a row for every option of --help, and no other", async () => {
  const help = await runAcceptance(['--help']);
  const inHelp = [...help.stdout.matchAll(/^ {2}(--[a-z-]+)/gm)].map(([, option]) => option).filter((o) => o !== '--help');
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const table = /^\| option \| meaning \|\n\|---\|---\|\n((?:\|.*\n)+)/m.exec(readme)?.[1] ?? '';
  const inReadme = [...table.matchAll(/^\| `(--[a-z-]+)/gm)].map(([, option]) => option);
  assert.deepEqual(inReadme, inHelp);
});

test('--list says which checks the manifest makes N/A, and which leave the checklist for it', async () => {
  const file = join(dir, 'systemd-supervised.yml');
  writeFileSync(file, goodManifest.replace(/^supervisor: monit/m, 'supervisor: systemd').replace(/registers: true/, 'registers: false'));
  const run = await runAcceptance(['--manifest', file, '--tags', '@monit or @service-discovery', '--list'], NO_ENGINE);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^@service-discovery +The service registers with consul for the discovery of services\n +checklist item 16: .*\n +N\/A: consul\.registers is false/m);
  assert.match(run.stdout, /^@monit +.*\n +beyond the checklist \(item 8 is N\/A: supervisor is systemd/m);
});

test("a failing run's reports read well where they are pasted: the run recorded, links that resolve, verdicts coloured, junit per area", async () => {
  await buildExamplePackages();
  const rootUser = join(PATHS.exampleDebs, 'broken', 'runs-as-root', 'wazo-foo_1.1.0_all.deb');
  const reports = join(dir, 'pasted');
  const run = await runAcceptance(['--service', 'wazo-foo', '--package', rootUser, '--tags', '@user', '--reports-dir', reports]);
  assert.equal(run.code, 1, run.stdout + run.stderr);
  const reportDir = join(reports, 'wazo-foo');
  const read = (file: string) => readFileSync(join(reportDir, file), 'utf8');
  const sha256 = createHash('sha256').update(readFileSync(rootUser)).digest('hex');
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const markdown = read('compliance.md');
  // The package by its file name, version and digest, not by a path of this machine (the command keeps what was typed).
  assert.match(markdown, new RegExp(`^- Package: \`wazo-foo_1\\.1\\.0_all\\.deb\`, version 1\\.1\\.0, sha256 \`${sha256}\`$`, 'm'));
  // The host image with the package's dependencies from Debian (its dependency layer), which the hosts booted from.
  assert.match(markdown, /^- Host image: `wazo-harness\/host-deps:trixie-\w+-\w+`$/m);
  assert.match(markdown, /^- Tags: `@user`$/m);
  assert.match(markdown, /^- Command: `npm run acceptance -- --service wazo-foo --package \S+ --tags @user --reports-dir \S+`$/m);
  assert.match(markdown, new RegExp(`^- Harness: wazo-acceptance-harness ${version.replace(/\./g, '\\.')}$`, 'm'));
  // Links: files relative to the report, anchors to a failure's section.
  const links = [...markdown.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]);
  const files = links.filter((l) => !l.startsWith('#'));
  assert.ok(files.some((l) => l.endsWith('--failure.txt')), links.join('\n'));
  for (const file of files) assert.ok(existsSync(join(reportDir, file)), `${file} resolves from the report's directory`);
  assert.match(markdown, /^\| 1 \| The service default user is not root \| \[FAIL\]\(#failure-1\) \|/m);
  const html = read('compliance.html');
  assert.match(html, /<td class="verdict-fail"><a href="#failure-1">FAIL<\/a><\/td>/);
  assert.match(html, /<h3 id="failure-1"[^>]*>Failure 1<\/h3>/);
  assert.match(html, /<td class="verdict-not-run">NOT RUN<\/td>/);
  const junit = read('junit.xml');
  const classnames = [...junit.matchAll(/<testcase classname="([^"]*)"/g)].map((m) => m[1]);
  assert.ok(classnames.length > 0 && classnames.every((c) => c === 'wazo-foo.user'), classnames.join('\n'));
  assert.match(junit, /<failure type="FAIL" message="pid \d+ runs as root \(uid 0\)[^"\n]*">failed step: [^\n]*\nexpected: /);
  const verdicts = JSON.parse(read('verdicts.json')) as { run: { package: { sha256: string }; harness: string; command: string } };
  assert.equal(verdicts.run.package.sha256, sha256);
  assert.equal(verdicts.run.harness, version);
  assert.match(verdicts.run.command, /--tags @user/);
  assert.deepEqual(await harnessLeftovers(), []);
});

test('--fail-fast stops at the first failed scenario: the items it never started are NOT RUN, with the reason', async () => {
  await buildExamplePackages();
  const rootUser = join(PATHS.exampleDebs, 'broken', 'runs-as-root', 'wazo-foo_1.1.0_all.deb');
  const run = await runAcceptance(['--service', 'wazo-foo', '--package', rootUser, '--tags', '@user', '--fail-fast', '--workers', '1', '--reports-dir', dir]);
  assert.equal(run.code, 1, run.stdout + run.stderr);
  assert.match(run.stdout, /^FAIL +@user +/m);
  assert.match(run.stdout, /^--fail-fast: \d+ scenario\(s\) not run after the first failure$/m);
  assert.match(run.stdout, /^ *\d+\. NOT RUN +The service default user/m);
  // A scenario never started is neither a verdict line nor a harness-bug FAIL.
  assert.doesNotMatch(run.stdout, /harness bug/);
  const verdicts = JSON.parse(readFileSync(join(dir, 'wazo-foo', 'verdicts.json'), 'utf8')) as { checklist: Array<{ verdict: string; reason: string | null }> };
  assert.ok(verdicts.checklist.some((i) => i.verdict === 'NOT RUN' && i.reason === '--fail-fast stopped the run at an earlier failure'));
  assert.deepEqual(await harnessLeftovers(), []);
});

test('--keep-on-failure keeps the hosts of a failing run, the next run\'s janitor leaves them, --cleanup RUN removes them', async () => {
  await buildExamplePackages();
  const rootUser = join(PATHS.exampleDebs, 'broken', 'runs-as-root', 'wazo-foo_1.1.0_all.deb');
  const run = await runAcceptance(['--service', 'wazo-foo', '--package', rootUser, '--tags', '@user', '--workers', '1', '--keep-on-failure', '--reports-dir', dir]);
  const kept = [...run.stderr.matchAll(/^host kept: (\S+)\n {2}enter it with: docker exec -it ([0-9a-f]{12}) bash\n {2}remove it with: npm run acceptance -- --cleanup ([0-9a-f]{8}) /gm)];
  const docker = new Docker();
  try {
    assert.equal(run.code, 1, run.stdout + run.stderr);
    // @user reads the shared installed host only.
    assert.equal(kept.length, 1, run.stderr);
    const [, name, id, runId] = kept[0];
    const state = await docker.getContainer(id).inspect();
    assert.equal(state.Name, `/${name}`);
    assert.equal(state.State.Running, true);
    await removeRunResources(docker); // what the next run's janitor does first
    assert.equal((await docker.getContainer(id).inspect()).State.Running, true, 'the janitor left the kept host');
    const cleanup = await runAcceptance(['--cleanup', runId]);
    assert.equal(cleanup.code, 0, cleanup.stderr);
    assert.match(cleanup.stderr, new RegExp(`removed leftovers of ended runs: .*${name}`));
    await assert.rejects(docker.getContainer(id).inspect(), /no such container/i);
  } finally {
    for (const [, , id] of kept) await docker.getContainer(id).remove({ force: true, v: true }).catch(() => undefined);
  }
  assert.deepEqual(await harnessLeftovers(), []);
});

test('--format json: stdout is JSON Lines only, scenarios then the 21 items then the run, as README documents', async () => {
  await buildExamplePackages();
  const rootUser = join(PATHS.exampleDebs, 'broken', 'runs-as-root', 'wazo-foo_1.1.0_all.deb');
  const reports = join(dir, 'json');
  const run = await runAcceptance(['--service', 'wazo-foo', '--package', rootUser, '--tags', '@user', '--workers', '1', '--format', 'json', '--reports-dir', reports]);
  assert.equal(run.code, 1, run.stdout + run.stderr);
  // Every line parses: nothing for people (verdict lines, summary, colours) is mixed in.
  const lines = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { kind: string; service: string; verdict?: string; number?: number; exitCode?: number; reports?: string; failures?: unknown[] });
  const kinds = lines.map((l) => l.kind);
  assert.deepEqual([...new Set(kinds)], ['scenario', 'item', 'run'], 'scenarios, then items, then the run');
  assert.ok(lines.every((l) => l.service === 'wazo-foo'));
  const items = lines.filter((l) => l.kind === 'item');
  assert.deepEqual(items.map((l) => l.number), Array.from({ length: 21 }, (_, i) => i + 1));
  assert.equal(items[0].verdict, 'FAIL', 'item 1: the default user is root');
  assert.ok(lines.some((l) => l.kind === 'scenario' && l.verdict === 'FAIL' && (l.failures?.length ?? 0) > 0), 'the failing scenario carries its failures');
  assert.deepEqual(lines.at(-1), { kind: 'run', service: 'wazo-foo', exitCode: 1, reports: join(reports, 'wazo-foo') });
  assert.deepEqual(await harnessLeftovers(), []);
});

test('--keep-on-failure on a passing run keeps nothing', async () => {
  const reports = join(dir, 'passing');
  const run = await runAcceptance(['--service', 'wazo-foo', '--tags', '@install', '--workers', '1', '--keep-on-failure', '--reports-dir', reports]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.doesNotMatch(run.stderr, /host kept/);
  const { runId } = (JSON.parse(readFileSync(join(reports, 'wazo-foo', 'verdicts.json'), 'utf8')) as { run: { runId?: string } }).run;
  assert.match(runId ?? '', /^[0-9a-f]{8}$/, 'verdicts.json names its run');
  assert.deepEqual(await new Docker().listContainers({ all: true, filters: { label: [`${LABEL.run}=${runId}`] } }), []);
});

test('--docs naming no directory, or one that is not the documentation site, exits 2 before any engine', async () => {
  assertRefused(await runAcceptance(['--service', 'wazo-foo', '--docs', join(dir, 'absent')], NO_ENGINE), /usage error: --docs \S+absent does not exist\n  fix: give a checkout of the documentation site/);
  assertRefused(await runAcceptance(['--service', 'wazo-foo', '--docs', ROOT], NO_ENGINE), /does not look like the Wazo Platform documentation site: it has no content\/uc-doc\/ directory/);
});
