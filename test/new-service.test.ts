// `npm run new-service` on a copy of the project: it adopts a service completely; an adopted
// service and a bad name are refused with exit 2 and change nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadManifest } from '../support/configuration/manifest-loader';
import { ROOT } from './harness';
import { scratchDir } from './scratch-dir';

const project = scratchDir('new-service-test-');
for (const dir of ['services', 'features', 'docs']) cpSync(join(ROOT, dir), join(project, dir), { recursive: true });

function newService(...args: string[]) {
  return spawnSync(process.execPath, ['--require', 'ts-node/register/transpile-only', 'support/cli/new-service.ts', ...args, '--project', project], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

const snapshot = () =>
  ['services/wazo-quux.yml', 'docs/ports.yml', 'docs/ports.md', 'features/daily/service_discovery.feature', 'features/daily/http/http.feature', 'features/openapi.feature']
    .map((f) => (existsSync(join(project, f)) ? readFileSync(join(project, f), 'utf8') : ''))
    .join('\0');

test('a new service gets a valid manifest on the next free port and a starter feature; the daily features stay as they are', () => {
  const daily = ['features/daily/service_discovery.feature', 'features/daily/http/http.feature', 'features/openapi.feature'].map((f) => readFileSync(join(project, f), 'utf8'));
  const run = newService('wazo-quux');
  assert.equal(run.status, 0, run.stderr);
  const manifest = loadManifest(join(project, 'services', 'wazo-quux.yml'));
  assert.equal(manifest.api?.port, 9512, 'the next port after wazo-foo (9504), wazo-bar (9505), wazo-qux (9506), wazo-hardy (9507), wazo-echo (9508, 9509/UDP), wazo-sock (9510) and wazo-jot (9511/UDP)');
  assert.deepEqual(manifest.ports, [{ port: 9512, protocol: 'tcp', listen: '127.0.0.1' }]);
  assert.equal(manifest.api?.shortName, 'quux');
  assert.match(readFileSync(join(project, 'docs', 'ports.yml'), 'utf8'), /daemon: wazo-quux, .*port: 9512/);
  assert.match(readFileSync(join(project, 'docs', 'ports.md'), 'utf8'), /\| wazo-quux +\| HTTP +\| TCP +\| 9512 /);
  assert.deepEqual(manifest.api?.paths, ['/status']);
  assert.deepEqual(['features/daily/service_discovery.feature', 'features/daily/http/http.feature', 'features/openapi.feature'].map((f) => readFileSync(join(project, f), 'utf8')), daily);
  assert.match(readFileSync(join(project, 'features', 'services', 'wazo-quux', 'wazo-quux.feature'), 'utf8'), /^@per-service @wazo-quux$/m);
  assert.match(run.stdout, /fill in the TODOs of services\/wazo-quux\.yml/);
  // The supervisor line states the choice, it is no TODO contradicting its value (issue 16).
  assert.match(readFileSync(join(project, 'services', 'wazo-quux.yml'), 'utf8'), /^supervisor: monit +# monit \(the guideline\), or systemd when the unit's Restart= supervises it$/m);
});

test('an adopted service (its manifest exists) is refused with exit 2 and nothing is written', () => {
  for (const name of ['wazo-quux', 'wazo-foo']) {
    const before = snapshot() + readFileSync(join(project, 'services', 'wazo-foo.yml'), 'utf8');
    const run = newService(name);
    assert.equal(run.status, 2, run.stdout + run.stderr);
    assert.match(run.stderr, new RegExp(`^usage error: ${name} is already adopted: services/${name}\\.yml exists\\n  fix: edit services/${name}\\.yml`));
    assert.equal(run.stdout, '');
    assert.equal(snapshot() + readFileSync(join(project, 'services', 'wazo-foo.yml'), 'utf8'), before);
    assert.equal(existsSync(join(project, 'features', 'services', 'wazo-foo')), false);
  }
});

test('a run cut short after reserving the port (no manifest yet) is completed without a second port', () => {
  rmSync(join(project, 'services', 'wazo-quux.yml'));
  const table = readFileSync(join(project, 'docs', 'ports.yml'), 'utf8');
  const run = newService('wazo-quux');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /port 9512 is already wazo-quux's/);
  assert.match(run.stdout, /exists, left as it is: features\/services\/wazo-quux\/wazo-quux\.feature/);
  assert.equal(readFileSync(join(project, 'docs', 'ports.yml'), 'utf8'), table);
  assert.equal(loadManifest(join(project, 'services', 'wazo-quux.yml')).api?.port, 9512);
});

test('a bad name is refused with exit 2 and changes nothing', () => {
  const before = snapshot();
  for (const name of ['Wazo-Bad', 'quux', 'wazo--x', 'wazo-x_y']) {
    const run = newService(name);
    assert.equal(run.status, 2, `${name}: ${run.stdout}${run.stderr}`);
    assert.match(run.stderr, new RegExp(`usage error: "${name}" is not a Wazo service name\\n  fix: use wazo-<name>`));
  }
  assert.equal(snapshot(), before);
});
