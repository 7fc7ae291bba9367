import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { HarnessError } from '../errors';
import { loadManifest } from './manifest-loader';
import { activationSocket, unitsStartedAtBoot } from './manifest';
import { PATHS } from '../paths';

const good = readFileSync(join(PATHS.services, 'wazo-foo.yml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'manifest-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function manifestError(text: string): string {
  const file = join(dir, 'service.yml');
  writeFileSync(file, text);
  try {
    loadManifest(file);
  } catch (error) {
    assert.ok(error instanceof HarnessError, `expected a HarnessError, got ${String(error)}`);
    assert.equal(error.kind, 'configuration');
    return error.message;
  }
  assert.fail('the manifest was accepted');
}

test('the wazo-foo manifest loads, with defaults and paths resolved against its directory', () => {
  const manifest = loadManifest(join(PATHS.services, 'wazo-foo.yml'));
  assert.equal(manifest.unit, 'wazo-foo.service');
  assert.equal(manifest.package.name, 'wazo-foo');
  assert.equal(manifest.package.file, join(PATHS.exampleDebs, 'wazo-foo', 'wazo-foo_1.1.0_all.deb'));
  assert.equal(manifest.api?.port, 9504);
  assert.equal(manifest.logFile, '/var/log/wazo-foo.log');
});

test('a missing field is named with its path', () => {
  assert.match(manifestError(good.replace(/^user: .*\n/m, '')), /service\.yml:\d+: user is missing \(it is required\)/);
});

test('a value of the wrong type names file, line, field, rule and the value found', () => {
  const message = manifestError(good.replace('\n  port: 9504', '\n  port: "95o4"'));
  assert.match(message, /service\.yml:18: api\.port must be integer \(found "95o4"\)/);
});

test('an unknown field is refused at its line', () => {
  assert.match(manifestError(good.replace('wazoService: true', 'wazoService: true\nwazo_servce: true')), /service\.yml:\d+: wazo_servce is not a known field/);
});

test('an enum lists the allowed values', () => {
  assert.match(manifestError(good.replace('supervisor: monit', 'supervisor: upstart')), /supervisor must be one of: monit, systemd \(found "upstart"\)/);
});

test('api is none or a mapping: another word names file, line, field and both choices', () => {
  const message = manifestError(good.replace(/^api:\n(  .*\n)+/m, 'api: nope\n'));
  assert.match(message, /service\.yml:16: api must be none or a mapping of protocol, port, version, shortName, paths \(found "nope"\)/);
  assert.equal(message.split('\n').filter((line) => line.includes(': api ')).length, 1, `one line for api:\n${message}`);
});

test('logFile is journal or an absolute path: a relative path names file, line, field and both choices', () => {
  const message = manifestError(good.replace('logFile: /var/log/wazo-foo.log', 'logFile: relative/path'));
  assert.match(message, /service\.yml:11: logFile must be journal or an absolute path \(matching \^\/\) \(found "relative\/path"\)/);
  assert.equal(message.split('\n').filter((line) => line.includes(': logFile ')).length, 1, `one line for logFile:\n${message}`);
});

test('api: none, ports: [] and logFile: journal are choices, written out', () => {
  const manifest = loadManifest(join(PATHS.examples, 'shapes', 'journal-no-api', 'service.yml'));
  assert.equal(manifest.api, undefined);
  assert.deepEqual(manifest.ports, []);
  assert.equal(manifest.logFile, 'journal');
});

test('invalid YAML names the line', () => {
  assert.match(manifestError('name: wazo-foo\npackage: [unclosed\n'), /not valid YAML:\n\s+.*service\.yml:\d+:/);
});

test('an unreadable manifest says so and how to fix it', () => {
  assert.throws(() => loadManifest(join(dir, 'absent.yml')), /cannot read manifest .*absent\.yml: ENOENT[\s\S]*fix: give the path/);
});

test('optional fields: requirements resolved against the manifest, ports documentation and repositories defaulted', () => {
  const manifest = loadManifest(join(PATHS.services, 'wazo-foo.yml'));
  assert.deepEqual(manifest.requirements, { file: join(PATHS.examples, 'wazo-foo', 'requirements.txt'), names: { PyYAML: 'python3-yaml' } });
  assert.equal(manifest.portsDocumentation, join(PATHS.docs, 'ports.md'));
  assert.deepEqual(manifest.package.repositories, []);
  const message = manifestError(good.replace('PyYAML: python3-yaml', 'PyYAML: Python YAML'));
  assert.match(message, /requirements\.names\.PyYAML must match/);
});

test('builtFrom is examples or repositories; repositories needs its sources, signedBy is resolved beside the manifest', () => {
  assert.match(manifestError(good.replace('builtFrom: examples', 'builtFrom: apt')), /service\.yml:9: package\.builtFrom must be one of: examples, repositories \(found "apt"\)/);
  assert.match(
    manifestError(good.replace('builtFrom: examples', 'builtFrom: repositories')),
    /service\.yml:9: package\.builtFrom is repositories, but package\.repositories lists none: .* \(examples, repositories\) or none/,
  );
  const file = join(dir, 'service.yml');
  writeFileSync(file, good.replace('builtFrom: examples', 'builtFrom: repositories\n  repositories: ["deb http://deb.debian.org/debian trixie main"]\n  signedBy: keys/debian.gpg'));
  const manifest = loadManifest(file);
  assert.equal(manifest.package.builtFrom, 'repositories');
  assert.equal(manifest.package.signedBy, join(dir, 'keys', 'debian.gpg'));
});

test('ports: TCP and UDP, any IPv4 or IPv6 address, kept canonical; the API takes the address of its entry', () => {
  const file = join(dir, 'service.yml');
  writeFileSync(file, good.replace(/^ports:.*\n(  - .*\n)+/m, 'ports:\n  - { port: 9504, protocol: tcp, listen: "0:0::1" }\n  - { port: 9599, protocol: udp, listen: "[::]" }\n  - { port: 9599, protocol: tcp, listen: 10.1.2.3 }\n'));
  const manifest = loadManifest(file);
  assert.deepEqual(manifest.ports, [
    { port: 9504, protocol: 'tcp', listen: '::1' },
    { port: 9599, protocol: 'udp', listen: '::' },
    { port: 9599, protocol: 'tcp', listen: '10.1.2.3' },
  ]);
  assert.equal(manifest.api?.listen, '::1');
});

test('a manifest without ports is refused with what to write; the old api.listen says where the address went', () => {
  const old = good.replace(/^ports:.*\n(  - .*\n)+/m, '').replace('api:\n', 'api:\n  listen: 127.0.0.1\n');
  const message = manifestError(old);
  assert.match(message, /service\.yml:\d+: ports is missing \(it is required\): list every port the service listens on, .*ports: \[\{ port: 9504, protocol: tcp, listen: 127\.0\.0\.1 \}\].*or ports: \[\] if it listens on none/);
  assert.match(message, /service\.yml:\d+: api\.listen is no longer a field of api: the API's address is the listen of its entry in ports/);
});

test('a listen that is not an address, a protocol not tcp or udp, an API port not among the tcp ports: each named at its line with the choices', () => {
  assert.match(manifestError(good.replace('listen: 127.0.0.1 }', 'listen: localhost }')), /service\.yml:15: ports\.0\.listen must be an IPv4 or IPv6 address: 0\.0\.0\.0 or :: \(every address\), 127\.0\.0\.1 or ::1 \(loopback\), or a specific one \(found "localhost"\)/);
  assert.match(manifestError(good.replace('protocol: tcp,', 'protocol: sctp,')), /service\.yml:15: ports\.0\.protocol must be one of: tcp, udp \(found "sctp"\)/);
  assert.match(
    manifestError(good.replace('protocol: tcp,', 'protocol: udp,')),
    /service\.yml:18: api\.port is not a tcp port of ports \(it has none\): add \{ port: 9504, protocol: tcp, listen: ADDRESS \} to ports, or name the tcp port the API is served on \(found 9504\)/,
  );
  assert.match(
    manifestError(good.replace(/^(ports:.*\n)/m, '$1  - { port: 9504, protocol: tcp, listen: "::1" }\n')),
    /api\.port names 2 tcp entries of ports \(listen ::1, 127\.0\.0\.1\): the API is served on one address/,
  );
});

const previousFile = /  previous:\n    file: .*\n    version: 1\.0\.0\n/;

test('previous is a file beside the manifest, or a version downloaded from debian or the repositories into the cache by source, name and version', () => {
  const given = loadManifest(join(PATHS.services, 'wazo-foo.yml'));
  assert.deepEqual(given.package.previous, { file: join(PATHS.exampleDebs, 'wazo-foo', 'wazo-foo_1.0.0_all.deb'), version: '1.0.0', from: 'file' });
  const file = join(dir, 'service.yml');
  writeFileSync(file, good.replace(previousFile, '  previous: { version: "2:1.0.0-1", from: debian }\n'));
  assert.deepEqual(loadManifest(file).package.previous, { file: join(PATHS.cache, 'previous-packages', 'debian', 'wazo-foo_2%3a1.0.0-1.deb'), version: '2:1.0.0-1', from: 'debian' });
  const withRepositories = (lines: string) => good.replace(previousFile, `  previous: { version: 1.0.0, from: repositories }\n  repositories: [${lines}]\n`);
  writeFileSync(file, withRepositories('"deb http://a.example/ ./"'));
  const first = loadManifest(file).package.previous;
  assert.equal(first?.from, 'repositories');
  assert.match(first?.file ?? '', new RegExp(`^${join(PATHS.cache, 'previous-packages')}/repositories-[0-9a-f]{16}/wazo-foo_1\\.0\\.0\\.deb$`));
  writeFileSync(file, withRepositories('"deb http://b.example/ ./"'));
  assert.notEqual(loadManifest(file).package.previous?.file, first?.file, "another repository's 1.0.0 is another file");
});

test('a previous version of another form, from another source or from repositories the manifest lacks names file, line, field and the choices', () => {
  const unknownSource = manifestError(good.replace(previousFile, '  previous: { version: 1.0.0, from: ubuntu }\n'));
  assert.match(unknownSource, /service\.yml:6: package\.previous\.from must be one of: debian, repositories \(found "ubuntu"\)/);
  assert.match(unknownSource, /service\.yml:6: package\.previous must be a mapping of file, version or a mapping of version, from/);
  assert.match(manifestError(good.replace(previousFile, '  previous: { file: x.deb, version: 1.0.0, from: debian }\n')), /service\.yml:6: package\.previous must be a mapping of file, version or a mapping of version, from/);
  assert.match(manifestError(good.replace(previousFile, '  previous: { version: 1.0.0 }\n')), /service\.yml:6: package\.previous must be a mapping of file, version or a mapping of version, from/);
  assert.match(
    manifestError(good.replace(previousFile, '  previous: { version: 1.0.0, from: repositories }\n')),
    /service\.yml:6: package\.previous\.from is repositories, but package\.repositories lists none: .* \(debian, repositories\) or give the file: previous: \{ file: FILE\.deb, version: VERSION \}/,
  );
});

test('units: the package\'s other units load with their roles; the boot starts the activation socket and the timers, not the service', () => {
  const manifest = loadManifest(join(PATHS.examples, 'shapes', 'socket-activated', 'service.yml'));
  assert.deepEqual(manifest.units, [
    { unit: 'wazo-sock.socket', role: 'activation' },
    { unit: 'wazo-sock-cleanup.timer', role: 'timer' },
  ]);
  assert.deepEqual(unitsStartedAtBoot(manifest), ['wazo-sock.socket', 'wazo-sock-cleanup.timer']);
  assert.equal(activationSocket(manifest), 'wazo-sock.socket');
  // Left out: the package ships the service unit only, and the boot starts it.
  const plain = loadManifest(join(PATHS.services, 'wazo-foo.yml'));
  assert.deepEqual(unitsStartedAtBoot(plain), ['wazo-foo.service']);
  assert.equal(activationSocket(plain), undefined);
});

test('units: a role names its choices, a unit not of its role\'s kind and a second activation socket are refused at their line', () => {
  const withUnits = (lines: string) => good.replace('user: wazo-foo', `units:\n${lines}user: wazo-foo`);
  assert.match(manifestError(withUnits('  - { unit: wazo-foo.socket, role: starter }\n')), /service\.yml:\d+: units\.0\.role must be one of: activation, timer \(found "starter"\)/);
  assert.match(
    manifestError(withUnits('  - { unit: wazo-foo.timer, role: activation }\n')),
    /service\.yml:\d+: units\.0\.unit is not a \.socket unit, as role activation needs: the roles are activation \(a \.socket unit\), timer \(a \.timer unit\) \(found "wazo-foo\.timer"\)/,
  );
  assert.match(
    manifestError(withUnits('  - { unit: a.socket, role: activation }\n  - { unit: b.socket, role: activation }\n')),
    /service\.yml:\d+: units\.1\.role is activation, and so is units\.0: one socket starts the service/,
  );
  assert.match(manifestError(withUnits('  - { unit: wazo-foo.service, role: timer }\n')), /service\.yml:\d+: units\.0\.unit must match/);
});
