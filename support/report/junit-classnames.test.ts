import assert from 'node:assert/strict';
import { test } from 'node:test';
import { qualifyTestcaseClassnames } from './junit-classnames';

// The shape cucumber's JUnit printer writes (attributes classname, name, time; escaped values).
const junit = `<?xml version="1.0"?>
<testsuite name="wazo-acceptance wazo-foo" time="275.037" tests="2" skipped="0" failures="1" errors="0">
  <testcase classname="The ports the service uses" name="The port is free" time="1.2">
    <system-out><![CDATA[Given classname="not an attribute"...passed]]></system-out>
  </testcase>
  <testcase classname="The REST API is accessible via GET https://wazo/api/&lt;service>" name="GET &quot;/status&quot;" time="3.4">
    <failure type="Error" message="boom"/>
  </testcase>
</testsuite>
`;

test("every testcase's classname starts with the service, and keeps its feature name", () => {
  const qualified = qualifyTestcaseClassnames(junit, 'wazo-foo');
  assert.deepEqual(
    [...qualified.matchAll(/<testcase classname="([^"]*)"/g)].map((m) => m[1]),
    ['wazo-foo.The ports the service uses', 'wazo-foo.The REST API is accessible via GET https://wazo/api/&lt;service>'],
  );
});

test('nothing but testcase classnames changes: suite, names, output and failures stay as printed', () => {
  const qualified = qualifyTestcaseClassnames(junit, 'wazo-foo');
  assert.equal(qualified.replace(/classname="wazo-foo\./g, 'classname="'), junit);
  assert.match(qualified, /Given classname="not an attribute"/);
});

test('two services give two distinct classnames for the same feature, so merged results do not collide', () => {
  const of = (service: string) => /<testcase classname="([^"]*)"/.exec(qualifyTestcaseClassnames(junit, service))?.[1];
  assert.notEqual(of('wazo-foo'), of('wazo-bar'));
  assert.equal(of('a&b'), 'a&amp;b.The ports the service uses');
});
