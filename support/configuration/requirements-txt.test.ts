import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRequirements } from './requirements-txt';

test('requirements.txt: exact pins, other specifiers, extras, markers, comments and options', () => {
  const text = '# deps\nPyYAML==6.0.2\nrequests[socks] == 2.32.3 ; python_version >= "3"\nflask>=2\n\n-r other.txt\nkombu  # no version\n';
  assert.deepEqual(parseRequirements(text), [
    { name: 'PyYAML', pinned: '6.0.2', line: 'PyYAML==6.0.2' },
    { name: 'requests', pinned: '2.32.3', line: 'requests[socks] == 2.32.3 ; python_version >= "3"' },
    { name: 'flask', pinned: undefined, line: 'flask>=2' },
    { name: 'kombu', pinned: undefined, line: 'kombu' },
  ]);
});

test('hash-checking mode: --hash options on continuation lines belong to the requirement above', () => {
  const text = ['PyYAML==6.0.2 \\', '    --hash=sha256:aaaa \\', '    --hash=sha256:bbbb', 'requests==2.32.3 --hash=sha256:cccc  # pinned with its hash'].join('\n');
  assert.deepEqual(parseRequirements(text), [
    { name: 'PyYAML', pinned: '6.0.2', line: 'PyYAML==6.0.2' },
    { name: 'requests', pinned: '2.32.3', line: 'requests==2.32.3' },
  ]);
});

test('=== is an exact pin; == with a wildcard or a second specifier is not one', () => {
  assert.deepEqual(
    parseRequirements('foo===1.0+local\nbar==1.0.*\nbaz==1.0,!=1.0.1\nqux == 2.0 ; sys_platform == "linux"\n').map((r) => [r.name, r.pinned]),
    [
      ['foo', '1.0+local'],
      ['bar', '1.0.*'],
      ['baz', undefined],
      ['qux', '2.0'],
    ],
  );
});

test('URL and VCS requirements are never pins; their name comes from `name @` or #egg=', () => {
  const text = [
    'wazo-lib-rest-client @ git+https://github.com/wazo-platform/wazo-lib-rest-client.git@master ; python_version >= "3.9"',
    'git+https://github.com/wazo-platform/xivo-lib-python.git#egg=xivo',
    '-e git+https://github.com/wazo-platform/wazo-bus.git#egg=wazo_bus',
    'https://example.com/archive/x-1.0.tar.gz',
  ].join('\n');
  assert.deepEqual(parseRequirements(text), [
    { name: 'wazo-lib-rest-client', line: 'wazo-lib-rest-client @ git+https://github.com/wazo-platform/wazo-lib-rest-client.git@master ; python_version >= "3.9"' },
    { name: 'xivo', line: 'git+https://github.com/wazo-platform/xivo-lib-python.git#egg=xivo' },
    { name: 'wazo_bus', line: 'git+https://github.com/wazo-platform/wazo-bus.git#egg=wazo_bus' },
    { name: 'https://example.com/archive/x-1.0.tar.gz', line: 'https://example.com/archive/x-1.0.tar.gz' },
  ]);
});

test('file options, comment lines ending in a backslash and CRLF line ends are not requirements', () => {
  const text = '--index-url https://pypi.org/simple\r\n-c constraints.txt\r\n# a comment \\\r\nflask==3.1.1\r\n';
  assert.deepEqual(parseRequirements(text), [{ name: 'flask', pinned: '3.1.1', line: 'flask==3.1.1' }]);
});
