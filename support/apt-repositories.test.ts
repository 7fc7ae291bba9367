import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keyFileName, signedBy } from './apt-repositories';

test("the manifest's repositories are verified with its signedBy key only, whatever options their lines have", () => {
  const key = '/var/cache/wazo-acceptance/keys/repositories.asc';
  assert.equal(signedBy('deb http://apt.example.org/wazo trixie main', key), `deb [signed-by=${key}] http://apt.example.org/wazo trixie main`);
  assert.equal(signedBy('deb [arch=amd64] http://apt.example.org/wazo trixie main', key), `deb [arch=amd64 signed-by=${key}] http://apt.example.org/wazo trixie main`);
  assert.equal(signedBy('deb [ ] http://apt.example.org/wazo trixie main', key), `deb [signed-by=${key}] http://apt.example.org/wazo trixie main`);
});

test('an armored key is named .asc for apt, a binary one .gpg', () => {
  assert.equal(keyFileName(Buffer.from('-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBF...')), 'repositories.asc');
  assert.equal(keyFileName(Buffer.from([0x99, 0x02, 0x0d, 0x04])), 'repositories.gpg');
});
