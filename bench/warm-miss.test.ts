import assert from 'node:assert/strict';
import { test } from 'node:test';
import { warmMissReason } from './warm-miss';

const scenarios = [
  { name: 'reader', ms: 6_000, hostSetUpMs: 5_000, sharedHost: true },
  { name: 'wazo-service', ms: 6_000, hostSetUpMs: 100, sharedHost: true },
  { name: 'upgrade', ms: 9_000, hostSetUpMs: 4_000, sharedHost: false },
];

test('a run with every core busy is bound by CPU', () => {
  const reason = warmMissReason({ wallMs: 33_000, cpuMs: 60_000, cores: 2, scenarios });
  assert.equal(reason.cpuBound, true);
  assert.match(reason.text, /idle for 6\.00 s of its 66\.00 s .* bound by CPU\. What would remove it: less CPU per host\.$/);
});

test('a run that sat idle waited on its longest chain: the shared host, or the longest host of its own', () => {
  const { cpuBound, text: chain } = warmMissReason({ wallMs: 33_000, cpuMs: 40_000, cores: 2, scenarios });
  assert.equal(cpuBound, false);
  assert.match(chain, /idle for 26\.00 s .* the run waited/);
  assert.match(chain, /shared host's 2 scenarios take 12\.00 s one after the other \(5\.10 s of it/);
  assert.match(chain, /"upgrade" 9\.00 s\. What would remove it: a shorter shared host chain/);
  const { text: own } = warmMissReason({ wallMs: 33_000, cpuMs: 40_000, cores: 2, scenarios: [...scenarios, { name: 'reboot', ms: 20_000, hostSetUpMs: 4_500, sharedHost: false }] });
  assert.match(own, /What would remove it: a shorter "reboot": its host set-up \(4\.50 s\) and its waits\.$/);
});
