import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { HarnessError } from '../errors';
import { loadManifest } from './manifest-loader';
import { parsePackageContents } from './package-contents';
import { pidFileOrigin, withPidFileFromUnit } from './pid-file-from-unit';

const given = loadManifest(join(__dirname, '..', '..', 'services', 'wazo-foo.yml'));
const leftToUnit = { ...given, pidFile: undefined, pidFileFromUnit: { read: false as const } };
const unitPath = '/usr/lib/systemd/system/wazo-foo.service';
const shipped = (text: string) => ({ unitPath, files: [{ path: unitPath, text }] });

test("a manifest's own pidFile is kept, whatever the unit says", () => {
  assert.equal(withPidFileFromUnit(given, shipped('[Service]\nPIDFile=/run/other.pid\n')), given);
  assert.equal(pidFileOrigin(given), undefined);
});

test("left to the unit: the unit's PIDFile=, specifiers expanded, and the report says where it came from", () => {
  const resolved = withPidFileFromUnit(leftToUnit, shipped('[Service]\nPIDFile=%t/wazo-foo/wazo-foo.pid\n'));
  assert.equal(resolved.pidFile, '/run/wazo-foo/wazo-foo.pid');
  assert.deepEqual(resolved.pidFileFromUnit, { read: true, unitPath });
  assert.equal(pidFileOrigin(resolved), `pidFile is left to the unit: PIDFile=/run/wazo-foo/wazo-foo.pid of ${unitPath} in the package`);
});

test('left to a unit without PIDFile=, or to no unit: no PID file, and it is known to have been read', () => {
  assert.deepEqual(withPidFileFromUnit(leftToUnit, shipped('[Service]\nType=simple\n')).pidFileFromUnit, { read: true, unitPath });
  assert.equal(withPidFileFromUnit(leftToUnit, shipped('[Service]\nType=simple\n')).pidFile, undefined);
  assert.deepEqual(withPidFileFromUnit(leftToUnit, { unitPath: undefined, files: [] }).pidFileFromUnit, { read: true, unitPath: undefined });
});

test('a PIDFile= only systemd can resolve is a configuration error asking for pidFile', () => {
  assert.throws(
    () => withPidFileFromUnit(leftToUnit, shipped('[Service]\nPIDFile=/run/wazo-foo/%i.pid\n')),
    (e: unknown) => e instanceof HarnessError && /whose %i only systemd can resolve/.test(e.message) && /set pidFile in the manifest/.test(e.fix),
  );
});

test("the container's output: one line per file, /usr/lib's copy kept over /lib's, drop-ins with it", () => {
  const b64 = (text: string) => Buffer.from(text).toString('base64');
  const output = [
    `unit-file /usr/lib/systemd/system/wazo-foo.service ${b64('[Service]\nPIDFile=/run/a.pid\n')}\r`,
    `unit-file /usr/lib/systemd/system/wazo-foo.service.d/10-x.conf ${b64('[Service]\nPIDFile=/run/b.pid\n')}\r`,
    `unit-file /lib/systemd/system/wazo-foo.service ${b64('[Service]\nPIDFile=/run/old.pid\n')}\r`,
    'some dpkg-deb warning',
  ].join('\n');
  const unit = parsePackageContents(output, 'wazo-foo.service');
  assert.equal(unit.unitPath, unitPath);
  assert.deepEqual(unit.files.map((f) => f.path), [unitPath, '/usr/lib/systemd/system/wazo-foo.service.d/10-x.conf']);
  assert.equal(withPidFileFromUnit(leftToUnit, unit).pidFile, '/run/b.pid');
  assert.equal(parsePackageContents('', 'wazo-foo.service').unitPath, undefined);
});
