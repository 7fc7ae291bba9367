import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { BatchShell, batchScript, parseBatch } from './batch-shell';
import { commandLine, type Evidence, type Shell } from './evidence';

/** A host that is this machine's own sh (users are recorded, not switched): the real delimiting is exercised. */
function localShell(): Shell & { calls: Array<{ user: string; commands: number }> } {
  const calls: Array<{ user: string; commands: number }> = [];
  return {
    calls,
    run: async (command, options) => {
      const user = options?.user ?? 'root';
      calls.push({ user, commands: command[2].split('\n').length });
      const result = spawnSync(command[0], command.slice(1), { encoding: 'utf8' });
      return { command: commandLine(command), user, exitCode: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
    },
  };
}

const nonce = () => '--batch-test--';

test('each command gets its own stdout, stderr and exit code, output without a final newline included', async () => {
  const shell = new BatchShell(localShell(), nonce);
  const [a, b, c, d] = await shell.runAll([
    { command: ['printf', 'no newline'] },
    { command: ['sh', '-c', 'echo out; echo err >&2; exit 3'] },
    { command: ['printf', 'two\\n\\nblank lines\\n\\n'] },
    { command: ['true'] },
  ]);
  assert.deepEqual(a, { command: 'printf \'no newline\'', user: 'root', exitCode: 0, stdout: 'no newline', stderr: '' });
  assert.deepEqual([b.stdout, b.stderr, b.exitCode], ['out\n', 'err\n', 3]);
  assert.equal(c.stdout, 'two\n\nblank lines\n\n');
  assert.deepEqual([d.stdout, d.stderr, d.exitCode], ['', '', 0]);
});

test('a missing program fails alone, with the shell\'s 127, and the batch goes on', async () => {
  const [missing, after] = await new BatchShell(localShell(), nonce).runAll([{ command: ['no-such-program-here'] }, { command: ['echo', 'still runs'] }]);
  assert.equal(missing.exitCode, 127);
  assert.match(missing.stderr, /not found/);
  assert.deepEqual([after.exitCode, after.stdout], [0, 'still runs\n']);
});

test('arguments are quoted: spaces, quotes and shell syntax reach the program untouched', async () => {
  const [echo] = await new BatchShell(localShell(), nonce).runAll([{ command: ['echo', "it's $HOME; `x` | y"] }]);
  assert.equal(echo.stdout, "it's $HOME; `x` | y\n");
});

test('a command cannot read the rest of the script from stdin, nor end the batch with a builtin', async () => {
  const [cat, exit, after] = await new BatchShell(localShell(), nonce).runAll([{ command: ['cat'] }, { command: ['exit', '5'] }, { command: ['echo', 'ok'] }]);
  assert.deepEqual([cat.stdout, cat.exitCode], ['', 0]);
  assert.equal(exit.exitCode, 127); // `exit` is no program: like `docker exec exit 5`, it is not found
  assert.equal(after.stdout, 'ok\n');
});

test('commands for different users go in one exec per user, results in the order asked', async () => {
  const host = localShell();
  const shell = new BatchShell(host, nonce);
  const results = await shell.runAll([
    { command: ['echo', '1'] },
    { command: ['echo', '2'], user: 'wazo-foo' },
    { command: ['echo', '3'] },
    { command: ['echo', '4'], user: 'wazo-foo' },
  ]);
  assert.deepEqual(
    results.map((e: Evidence) => [e.stdout.trim(), e.user]),
    [['1', 'root'], ['2', 'wazo-foo'], ['3', 'root'], ['4', 'wazo-foo']],
  );
  assert.deepEqual(host.calls.sort((x, y) => x.user.localeCompare(y.user)), [{ user: 'root', commands: 2 }, { user: 'wazo-foo', commands: 2 }]);
  assert.equal(shell.execs, 2);
});

test('run() calls started together share one exec', async () => {
  const host = localShell();
  const shell = new BatchShell(host, nonce);
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => shell.run(['echo', String(i)])));
  assert.deepEqual(results.map((e) => e.stdout.trim()), Array.from({ length: 20 }, (_, i) => String(i)));
  assert.equal(host.calls.length, 1);
  await shell.run(['true']); // a later call is a batch of its own
  assert.equal(host.calls.length, 2);
});

test('when the batch dies midway, the unfinished commands say so instead of passing for empty successes', () => {
  const script = batchScript([['a'], ['b'], ['c']], 'N');
  assert.equal(script.split('\n').length, 3);
  const parts = parseBatch('a out\nN 0 0\nb partial', '\nN 0\nKilled\n', 3, 'N');
  assert.deepEqual(parts[0], { stdout: 'a out', stderr: '', exitCode: 0 });
  assert.deepEqual(parts[1], { stdout: 'b partial', stderr: 'Killed\n', exitCode: undefined });
  assert.deepEqual(parts[2], { stdout: '', stderr: '', exitCode: undefined });
});

test('an exec refused for the whole group (e.g. an unknown user) fails each of its commands with the reason', async () => {
  const refusing: Shell = { run: async (_command, options) => ({ command: 'sh', user: options?.user ?? 'root', exitCode: 126, stdout: '', stderr: 'unable to find user ghost\n' }) };
  const [first, second] = await new BatchShell(refusing, nonce).runAll([{ command: ['id'], user: 'ghost' }, { command: ['id'], user: 'ghost' }]);
  assert.equal(first.exitCode, -1);
  assert.match(first.stderr, /unable to find user ghost\n\(the batch stopped before this command finished: the batch exited 126\)/);
  assert.match(second.stderr, /the batch exited 126/);
});
