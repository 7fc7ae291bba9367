import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeShell } from '../../test/fake-shell';
import { describeSource, parseDropIns, parseRealToolList, realToolKnowledge } from './real-tool-lists';

const LIST = [
  '# The real lists, copied as data',
  '# source: wazo-platform/wazo-service bin/wazo-service 04c67ed075d4c19ccf334081f118a9e21851e361',
  '# version: 19.x',
  'all consul',
  '',
  'all postgresql postgresql@11-main',
  'default wazo-auth',
].join('\n');

test('a real list: its source and version from the header, its lines split into words, comments and blank lines left out', () => {
  const list = parseRealToolList(LIST);
  assert.deepEqual(list.source, { repository: 'wazo-platform/wazo-service', path: 'bin/wazo-service', commit: '04c67ed075d4c19ccf334081f118a9e21851e361', version: '19.x' });
  assert.deepEqual(list.lines, [['all', 'consul'], ['all', 'postgresql', 'postgresql@11-main'], ['default', 'wazo-auth']]);
  assert.equal(describeSource(list.source), 'wazo-platform/wazo-service bin/wazo-service at 04c67ed0, version 19.x');
});

test('drop-ins: each file with its meaningful lines, an empty file kept', () => {
  const output = '==> 10-wazo-bar\n# broken\ngroup=all\n\n==> 50-wazo-foo\n\n==> wazo-foo\n  /etc/wazo-foo/  \n#c\n\n';
  assert.deepEqual(parseDropIns(output), [
    { file: '10-wazo-bar', lines: ['group=all'] },
    { file: '50-wazo-foo', lines: [] },
    { file: 'wazo-foo', lines: ['/etc/wazo-foo/'] },
  ]);
  assert.deepEqual(parseDropIns(''), []);
});

test('the probe reads the list file of the tool and the drop-in directory, and keeps both as evidence', async () => {
  const shell = fakeShell({
    'cat /usr/share/wazo-host/real-tools/wazo-service.list': { stdout: LIST },
    [`sh -c for f in '/etc/wazo-service/services.d'/*; do [ -f "$f" ] || continue; printf '==> %s\\n' "\${f##*/}"; cat "$f"; echo; done`]: { stdout: '==> 50-wazo-foo\n\n' },
  });
  const known = await realToolKnowledge(shell, 'wazo-service', '/etc/wazo-service/services.d');
  assert.deepEqual(known.value.dropIns, [{ file: '50-wazo-foo', lines: [] }]);
  assert.equal(known.value.list.lines.length, 3);
  assert.deepEqual(known.evidence.map((e) => e.exitCode), [0, 0]);
});
