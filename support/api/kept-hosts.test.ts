import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keepsHosts, keptHostsNotice } from './kept-hosts';

test('--keep keeps every run\'s hosts, --keep-on-failure those of a run that did not pass or did not finish', () => {
  assert.equal(keepsHosts('always', 0), true);
  assert.equal(keepsHosts('on-failure', 0), false);
  for (const code of [1, 3, undefined]) assert.equal(keepsHosts('on-failure', code), true, String(code));
  assert.equal(keepsHosts('never', 1), false);
});

test('each kept host says how to enter it and how to remove it', () => {
  const notice = keptHostsNotice([{ name: 'wazo-acceptance-0a1b2c3d-installed', id: '123456789abc' }], { id: '0a1b2c3d', pid: 1, startedAt: 0 });
  assert.match(notice, /^host kept: wazo-acceptance-0a1b2c3d-installed\n  enter it with: docker exec -it 123456789abc bash\n  remove it with: npm run acceptance -- --cleanup 0a1b2c3d /);
});
