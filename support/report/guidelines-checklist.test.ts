import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseChecklist, readChecklist } from './guidelines-checklist';
import { PATHS } from '../paths';

test('the guidelines checklist is read in order, with sub-points attached to their item', () => {
  const items = readChecklist(PATHS.guidelines);
  assert.equal(items.length, 21);
  assert.equal(items[0].text, 'The service default user is not root');
  const discovery = items.find((i) => i.text.startsWith('The service registers with consul'));
  assert.deepEqual(discovery?.details, ['Add an entry to the acceptance test: `daily/service_discovery.feature`']);
  assert.equal(items.at(-1)?.details.length, 2);
});

test('a document without a checklist is refused', () => {
  assert.throws(() => parseChecklist('# Title\n\n- a bullet\n'), /no "## Checklist" section/);
});

test('bullets are read as Markdown: any marker, wrapped lines, deeper nesting, the section ends at the next heading', () => {
  const markdown = [
    '# Guide',
    '- not in the checklist',
    '## Checklist',
    '',
    'Intro `text`.',
    '',
    '* First item with `code`',
    '    + a sub-point',
    '      wrapped on two lines',
    '* Second item',
    '  written on two lines',
    '',
    '  A second paragraph of the item is not its text.',
    '## After',
    '- not in the checklist either',
  ].join('\n');
  assert.deepEqual(parseChecklist(markdown), [
    { text: 'First item with `code`', details: ['a sub-point wrapped on two lines'] },
    { text: 'Second item written on two lines', details: [] },
  ]);
});
