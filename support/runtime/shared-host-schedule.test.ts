import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hostPlacement, SHARED_HOST_LAST, SharedHostSchedule, type SchedulablePickle } from './shared-host-schedule';

const pickle = (name: string, given: string): SchedulablePickle => ({ uri: `features/${name}.feature`, name, steps: [{ text: given }, { text: 'the service is running' }] });
const reader = (name: string) => pickle(name, 'the service is installed on a Wazo host');
const own = (name: string) => pickle(name, 'the service is installed on a Wazo host of its own');
const last = (name: string) => pickle(name, SHARED_HOST_LAST);

describe('hostPlacement', () => {
  it('reads the host a scenario runs on from its steps', () => {
    assert.equal(hostPlacement(reader('a').steps), 'shared');
    assert.equal(hostPlacement(own('a').steps), 'own');
    assert.equal(hostPlacement(pickle('a', 'the previous version of the service is installed on a Wazo host of its own').steps), 'own');
    assert.equal(hostPlacement(last('a').steps), 'shared-last');
    assert.equal(hostPlacement([{ text: 'the documentation site is given' }]), 'shared');
  });
});

describe('SharedHostSchedule', () => {
  it('holds a last scenario until every reader has been handed out and none runs', () => {
    const schedule = new SharedHostSchedule([reader('a'), reader('b')], () => true);
    assert.equal(schedule.canAssign(last('z'), []), false, 'no reader handed out yet');
    assert.equal(schedule.canAssign(reader('a'), []), true);
    assert.equal(schedule.canAssign(last('z'), [reader('a')]), false, 'b not handed out');
    assert.equal(schedule.canAssign(reader('b'), [reader('a')]), true);
    assert.equal(schedule.canAssign(last('z'), [reader('b')]), false, 'b still runs');
    assert.equal(schedule.canAssign(last('z'), [own('o')]), true, 'a host of its own is no obstacle');
  });

  it('runs last scenarios one at a time, and readers never beside one', () => {
    const schedule = new SharedHostSchedule([], () => true);
    assert.equal(schedule.canAssign(last('y'), [last('z')]), false);
    assert.equal(schedule.canAssign(reader('late'), [last('z')]), false);
    assert.equal(schedule.canAssign(own('o'), [last('z')]), true);
  });

  it('counts the readers of an outline, which share a name', () => {
    const schedule = new SharedHostSchedule([reader('a'), reader('a')], () => true);
    assert.equal(schedule.canAssign(reader('a'), []), true);
    assert.equal(schedule.canAssign(last('z'), []), false, 'the second example of a is still to come');
    assert.equal(schedule.canAssign(reader('a'), []), true);
    assert.equal(schedule.canAssign(last('z'), []), true);
  });

  it('holds the other readers while one boots and installs the shared host, not the hosts of their own', () => {
    let installed = false;
    const schedule = new SharedHostSchedule([reader('a'), reader('b'), reader('c')], () => installed);
    assert.equal(schedule.canAssign(reader('a'), []), true, 'the first reader installs the host');
    assert.equal(schedule.canAssign(reader('b'), [reader('a')]), false, 'it would wait for the install in a worker');
    assert.equal(schedule.canAssign(own('o'), [reader('a')]), true);
    assert.equal(schedule.canAssign(last('z'), [reader('a'), own('o')]), false);
    installed = true;
    assert.equal(schedule.canAssign(reader('b'), [reader('a'), own('o')]), true, 'the host is installed: readers run side by side');
    assert.equal(schedule.canAssign(reader('c'), [reader('b'), own('o')]), true);
  });

  it('lets a reader install the host when no other reader runs (the first was skipped or found nothing)', () => {
    const schedule = new SharedHostSchedule([reader('a'), reader('b')], () => false);
    assert.equal(schedule.canAssign(reader('b'), [own('o')]), true);
  });
});
