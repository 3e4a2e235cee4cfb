// A call without options takes settings written out in core.js (so that the
// first call compiles none of the option readers); they must stay what the
// option readers make of an empty options object.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { internals } from '../../js/index.js';

test('the settings of a call without options are those of options {}', () => {
  for (const writeTape of [false, true]) {
    const without = internals.readOptions(undefined, writeTape);
    assert.ok(Object.isFrozen(without));
    assert.deepEqual({ ...without }, internals.readOptions({}, writeTape), `writeTape ${writeTape}`);
  }
});
