/**
 * Test preload (`node --import ./pause-before-rename.mjs ...`): makes `fs.renameSync` onto the
 * file named by PAUSE_BEFORE_RENAME_OF announce "paused-before-rename <tmp>" on stderr and block,
 * so that a test can kill the process between writing the temporary file and the rename.
 * Production code has no test hook; this patches node:fs from the outside.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { basename } from 'node:path';

const target = process.env.PAUSE_BEFORE_RENAME_OF;
const renameSync = fs.renameSync;
fs.renameSync = (from, to) => {
  if (target && basename(String(to)) === target) {
    fs.writeSync(2, `paused-before-rename ${String(from)}\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  }
  return renameSync(from, to);
};
syncBuiltinESMExports();
