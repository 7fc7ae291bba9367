import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exampleTarget, isPackageInput } from './example-packages';

test('a package file of build/debs names its example: the directory build-debs.sh writes it to', () => {
  assert.equal(exampleTarget('/p/build/debs/wazo-foo/wazo-foo_1.1.0_all.deb', '/p/build/debs'), 'wazo-foo');
  assert.equal(exampleTarget('/p/build/debs/shapes/udp-ipv6/wazo-echo_1.0.0_all.deb', '/p/build/debs'), 'shapes/udp-ipv6');
  assert.equal(exampleTarget('/p/build/debs/broken/runs-as-root/wazo-foo_1.1.0_all.deb', '/p/build/debs'), 'broken/runs-as-root');
  // Outside build/debs, or at its top: no example.
  assert.equal(exampleTarget('/elsewhere/wazo-foo_1.1.0_all.deb', '/p/build/debs'), undefined);
  assert.equal(exampleTarget('/p/build/debs/wazo-foo_1.1.0_all.deb', '/p/build/debs'), undefined);
});

test('what the self-tests expect of an example is not a package input: changing it rebuilds nothing', () => {
  assert.equal(isPackageInput('examples/broken/runs-as-root/expected.yml'), false);
  assert.equal(isPackageInput('examples/broken/runs-as-root/overlay/debian/postinst'), true);
});
