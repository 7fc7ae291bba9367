import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Evidence, Shell } from './evidence';
import { CGROUP_READ_ATTEMPTS, cgroupsUnread, listeningSocketsWithCgroups, parseSs, socketsOfUnit } from './sockets';

test('parseSs reads IPv4, IPv6 and wildcard listeners with their process', () => {
  const output = [
    'LISTEN 0 5 127.0.0.1:9504 0.0.0.0:* users:(("wazo-foo",pid=88,fd=3))',
    'LISTEN 0 511 [::]:443 [::]:* users:(("nginx",pid=51,fd=7))',
    'LISTEN 0 4096 *:8500 *:* users:(("consul",pid=40,fd=9))',
  ].join('\n');
  assert.deepEqual(
    parseSs(output, 'tcp').map(({ address, port }) => `${address}:${port}`),
    ['127.0.0.1:9504', ':::443', '*:8500'],
  );
  assert.match(parseSs(output, 'tcp')[0].process, /wazo-foo/);
});

test('ss -e: the cgroup of each socket attributes it to its unit, with or without process names', () => {
  const output = [
    'LISTEN 0 5 127.0.0.1:9504 0.0.0.0:* uid:101 ino:239862 sk:1067 cgroup:/docker/202b60eb/system.slice/wazo-foo.service <->',
    'LISTEN 0 511 0.0.0.0:443 0.0.0.0:* users:(("nginx",pid=119,fd=6)) ino:236757 sk:1062 cgroup:/system.slice/nginx.service <->',
    'LISTEN 0 5 [::]:9599 [::]:* uid:101 ino:1 sk:2 cgroup:/system.slice/wazo-foo.service/worker v6only:1 <->',
    'LISTEN 0 5 127.0.0.1:9600 0.0.0.0:* uid:102 ino:3 sk:4 cgroup:/system.slice/wazo-foo.service-helper.service <->',
  ].join('\n');
  const sockets = parseSs(output, 'tcp');
  assert.equal(sockets[1].process, 'users:(("nginx",pid=119,fd=6))');
  assert.equal(sockets[1].cgroup, '/system.slice/nginx.service');
  assert.deepEqual(
    socketsOfUnit(sockets, 'wazo-foo.service').map(({ address, port }) => `${address}:${port}`),
    ['127.0.0.1:9504', ':::9599'],
  );
});

test('asked for TCP and UDP, ss names each line\'s protocol: a bound UDP socket (UNCONN) is read like a listening TCP one', () => {
  const output = [
    'tcp LISTEN 0 5 [::1]:9508 [::]:* uid:101 ino:1 sk:1 cgroup:/system.slice/wazo-echo.service v6only:1 <->',
    'udp UNCONN 0 0 *:9509 *:* uid:101 ino:2 sk:2 cgroup:/system.slice/wazo-echo.service <->',
    'udp UNCONN 0 0 127.0.0.1:8301 0.0.0.0:* users:(("consul",pid=40,fd=7)) cgroup:/system.slice/consul.service <->',
  ].join('\n');
  assert.deepEqual(
    socketsOfUnit(parseSs(output), 'wazo-echo.service').map(({ protocol, address, port }) => `${protocol} ${address} ${port}`),
    ['tcp ::1 9508', 'udp * 9509'],
  );
});

test('ss asked again while it cannot name the cgroups (a container of the machine ended during its walk), every answer kept', async () => {
  const command = 'ss --no-header --listening --tcp --udp --numeric --processes --extended';
  const unreadable = { stdout: 'tcp LISTEN 0 5 127.0.0.1:9504 0.0.0.0:* users:(("wazo-foo",pid=250,fd=4)) uid:101 ino:1 sk:2 cgroup:unreachable:2f3f0 <->\n', stderr: 'Failed to get cgroup2 ID: No such file or directory\n' };
  const readable = { stdout: 'tcp LISTEN 0 5 127.0.0.1:9504 0.0.0.0:* uid:101 ino:1 sk:2 cgroup:/docker/202b60eb/system.slice/wazo-foo.service <->\n' };
  const answering = (answers: Array<Partial<Evidence>>): Shell & { asked: number } => {
    const host = {
      asked: 0,
      run: async () => ({ command, user: 'root', exitCode: 0, stdout: '', stderr: '', ...answers[Math.min(host.asked++, answers.length - 1)] }),
    };
    return host;
  };
  const once = answering([readable]);
  const first = await listeningSocketsWithCgroups(once, 0);
  assert.equal(once.asked, 1, 'cgroups named at once: asked once');
  assert.equal(cgroupsUnread(first.value), false);

  const flaky = answering([unreadable, readable]);
  const second = await listeningSocketsWithCgroups(flaky, 0);
  assert.equal(flaky.asked, 2);
  assert.deepEqual(socketsOfUnit(second.value, 'wazo-foo.service').map((s) => s.port), [9504]);
  assert.equal(second.evidence.length, 2, 'the failed answer stays in the evidence');

  const broken = answering([unreadable]);
  const last = await listeningSocketsWithCgroups(broken, 0);
  assert.equal(broken.asked, CGROUP_READ_ATTEMPTS);
  assert.equal(cgroupsUnread(last.value), true, 'the step ends ENVIRONMENT on this, never FAIL');
});


test('a socket-activated service: systemd makes its listening socket in the .socket unit\'s cgroup, which ss names', () => {
  // As ss printed it on a host of shape socket-activated (2026-12-07): the daemon shares systemd's socket as fd 3.
  const sockets = parseSs([
    'tcp LISTEN 0 4096 127.0.0.1:9510 0.0.0.0:* users:(("wazo-sock",pid=263,fd=3),("systemd",pid=1,fd=41)) ino:10902914 sk:5da1 cgroup:/docker/2332/system.slice/wazo-sock.socket <->',
    'tcp LISTEN 0 511 0.0.0.0:443 0.0.0.0:* users:(("nginx",pid=51,fd=7)) cgroup:/docker/2332/system.slice/nginx.service <->',
  ].join('\n'));
  assert.deepEqual(socketsOfUnit(sockets, 'wazo-sock.socket').map(({ address, port }) => `${address}:${port}`), ['127.0.0.1:9510']);
  assert.deepEqual(socketsOfUnit(sockets, 'wazo-sock.service'), []);
});
