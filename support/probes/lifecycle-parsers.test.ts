import assert from 'node:assert/strict';
import { test } from 'node:test';
import { monitStarted, parseMonitStatus } from './monit';
import { changedFacts } from './service-user-facts';
import { parseWazoServiceStatus, startedInOrder } from './wazo-service';

test("parseMonitStatus reads a check's kind, status and monitoring status, or says it is not listed", () => {
  const output = "Monit 5.34.3 uptime: 0m\n\nProcess 'wazo-foo'\n  status                       OK\n  monitoring status            Monitored\n  on reboot                    start\n";
  assert.deepEqual(parseMonitStatus(output, 'wazo-foo'), { listed: true, kind: 'Process', status: 'OK', monitoring: 'Monitored' });
  assert.deepEqual(parseMonitStatus('There is no service named "wazo-foo"\n', 'wazo-foo'), { listed: false });
});

test("monitStarted finds monit's start action for the check only", () => {
  assert.equal(monitStarted(["'wazo-foo' process is not running", "'wazo-foo' start: '/bin/systemctl start wazo-foo.service'"], 'wazo-foo'), true);
  assert.equal(monitStarted(["'wazo-foo' process is not running", "'wazo-bar' start: '/bin/systemctl start wazo-bar.service'"], 'wazo-foo'), false);
});

test("wazo-service's status lines and start order are read in its own format", () => {
  assert.deepEqual(parseWazoServiceStatus('Checking services...\n\trunning\t\tconsul\n\tstopped\t\twazo-foo\n'), [
    { state: 'running', name: 'consul' },
    { state: 'stopped', name: 'wazo-foo' },
  ]);
  assert.deepEqual(startedInOrder('Waiting for services to start successfully...\n\tstarting consul ... OK\n\tstarting wazo-foo ... NOK\n\tstarting nginx ... OK\n'), ['consul', 'nginx']);
});

test('changedFacts names each fact an upgrade changed, with before and after', () => {
  assert.deepEqual(changedFacts({ a: '1', b: '2' }, { a: '1', b: '3', c: '4' }), ['b: 2 -> 3', 'c: (none) -> 4']);
});
