import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fakeShell } from '../../test/fake-shell';
import type { Evidence, Shell } from './evidence';
import { lintian } from './lintian';
import { evidenceCache, type EvidenceCacheKey } from './evidence-cache';

const key: EvidenceCacheKey = { tool: 'lintian', sha256: '0123456789abcdef'.repeat(4), digestOf: '', hostImage: 'wazo-harness/host:trixie-0123456789ab' };
const at = () => new Date('2026-11-30T12:00:00.000Z');
const deb = '/var/cache/wazo-acceptance/wazo-foo_1.1.0_all.deb';
const ran: Evidence = { command: `lintian --tag-display-limit 0 ${deb}`, user: 'root', exitCode: 2, stdout: 'E: wazo-foo: aliased-location [lib/systemd/]\n', stderr: '' };

/** A host that answers lintian with `answer`, counting the commands it ran. */
function countingHost(answer: Evidence): Shell & { runs: number } {
  const host = fakeShell({ [answer.command]: answer });
  const counted = {
    runs: 0,
    run: (...args: Parameters<Shell['run']>) => {
      counted.runs++;
      return host.run(...args);
    },
  };
  return counted;
}

const scratch = mkdtempSync(join(tmpdir(), 'evidence-cache-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const emptyDir = () => mkdtempSync(join(scratch, 'cache-'));

test('lintian cache: a miss runs lintian in the host and keeps its evidence; a hit runs nothing and says where it came from', async () => {
  const dir = emptyDir();
  const host = countingHost(ran);
  const cold = await lintian(host, deb, evidenceCache(key, dir, at));
  assert.equal(host.runs, 1);
  assert.deepEqual(cold.evidence, [ran], 'the evidence of a run is what lintian printed');

  const warm = await lintian(host, deb, evidenceCache(key, dir, at));
  assert.equal(host.runs, 1, 'a hit runs no lintian');
  assert.deepEqual(warm.value, cold.value, 'the same verdict');
  const [evidence] = warm.evidence;
  assert.deepEqual({ ...evidence, command: ran.command }, ran, 'the same output and exit code');
  assert.equal(
    evidence.command,
    `${ran.command}   # lintian output cached from 2026-11-30T12:00:00.000Z for sha256 0123456789ab, host image wazo-harness/host:trixie-0123456789ab (rm -r build/cache/lintian to run it again)`,
  );
});

test('lintian cache: another host image, another package, or another lintian command line is a miss', () => {
  const dir = emptyDir();
  evidenceCache(key, dir, at).write(ran);
  assert.ok(evidenceCache(key, dir).read(ran.command));
  assert.equal(evidenceCache({ ...key, hostImage: 'wazo-harness/host:trixie-ba9876543210' }, dir).read(ran.command), undefined);
  assert.equal(evidenceCache({ ...key, hostImage: 'wazo-harness/host:bookworm-0123456789ab' }, dir).read(ran.command), undefined);
  assert.equal(evidenceCache({ ...key, sha256: 'f'.repeat(64) }, dir).read(ran.command), undefined);
  assert.equal(evidenceCache(key, dir).read(`lintian --tag-display-limit 5 ${deb}`), undefined, 'lintian with other options');
});

test('lintian cache: a corrupt entry is a miss, and the run that follows rewrites it', async () => {
  const dir = emptyDir();
  evidenceCache(key, dir, at).write(ran);
  const [file] = readdirSync(dir);
  for (const corrupt of ['{"sha256": "01', 'null', '{}', JSON.stringify({ ...key, cachedAt: 'yesterday', evidence: ran })]) {
    writeFileSync(join(dir, file), corrupt);
    assert.equal(evidenceCache(key, dir).read(ran.command), undefined, `a miss for ${corrupt}`);
  }
  const host = countingHost(ran);
  await lintian(host, deb, evidenceCache(key, dir, at));
  assert.equal(host.runs, 1);
  assert.deepEqual(JSON.parse(readFileSync(join(dir, file), 'utf8')).evidence, ran, 'rewritten');
  assert.deepEqual(readdirSync(dir), [file], 'no file left aside');
});

test('lintian cache: a lintian that did not run is not kept', async () => {
  const dir = emptyDir();
  const crashed: Evidence = { ...ran, exitCode: 1, stdout: '', stderr: 'internal error' };
  const host = countingHost(crashed);
  const report = await lintian(host, deb, evidenceCache(key, dir, at));
  assert.equal(report.value.ran, false);
  assert.equal(evidenceCache(key, dir).read(ran.command), undefined);
  await lintian(host, deb, evidenceCache(key, dir, at));
  assert.equal(host.runs, 2, 'run again');
});
