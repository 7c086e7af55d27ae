import { chmodSync, fstatSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rewriteInPlace, stampOf, type FileStamp } from '../../src/util/write-in-place.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A file with `content`, and the stamp of reading it. */
function readFile(content: string): { path: string; stamp: FileStamp } {
  const dir = mkdtempSync(join(tmpdir(), 'write-in-place-'));
  dirs.push(dir);
  const path = join(dir, 'a.txt');
  writeFileSync(path, content);
  const fd = openSync(path, 'r');
  try {
    return { path, stamp: stampOf(fstatSync(fd, { bigint: true }), readFileSync(fd)) };
  } finally {
    closeSync(fd);
  }
}

describe('rewriteInPlace', () => {
  it('writes longer and shorter content on the same inode', () => {
    const { path, stamp } = readFile('model = "a"\nrest\n');
    const inode = statSync(path).ino;
    expect(rewriteInPlace(path, stamp, Buffer.from('model = "us.a"\nrest\n'))).toEqual({ written: true, warning: null });
    expect(readFileSync(path, 'utf8')).toBe('model = "us.a"\nrest\n');
    expect(statSync(path).ino).toBe(inode);
    const shorter = readFile('a longer text than the next\n');
    expect(rewriteInPlace(shorter.path, shorter.stamp, Buffer.from('short\n'))).toEqual({ written: true, warning: null });
    expect(readFileSync(shorter.path, 'utf8')).toBe('short\n');
  });

  it('refuses a file whose content changed though its size and modification time did not', () => {
    const { path, stamp } = readFile('abc\n');
    // The stamp of another content with the file's own size and times: only the bytes differ.
    const forged: FileStamp = { ...stamp, bytes: Buffer.from('xyz\n') };
    expect(rewriteInPlace(path, forged, Buffer.from('new\n'))).toEqual({ written: false, reason: 'it changed after it was read' });
    expect(readFileSync(path, 'utf8')).toBe('abc\n');
  });

  it('refuses a file that grew, was replaced, or is gone', () => {
    const grown = readFile('abc\n');
    writeFileSync(grown.path, 'abc\nmore\n', { flag: 'a' });
    expect(rewriteInPlace(grown.path, grown.stamp, Buffer.from('x\n'))).toMatchObject({ written: false, reason: 'it changed after it was read' });
    const replaced = readFile('abc\n');
    expect(rewriteInPlace(replaced.path, { ...replaced.stamp, ino: replaced.stamp.ino + 1n }, Buffer.from('x\n'))).toMatchObject({ written: false });
    const gone = readFile('abc\n');
    rmSync(gone.path);
    expect(rewriteInPlace(gone.path, gone.stamp, Buffer.from('x\n'))).toEqual({ written: false, reason: 'it no longer exists (ENOENT)' });
  });

  it('refuses a file without its owner\'s write permission, even for the superuser', () => {
    const { path, stamp } = readFile('abc\n');
    chmodSync(path, 0o444);
    expect(rewriteInPlace(path, stamp, Buffer.from('x\n'))).toEqual({ written: false, reason: 'it is read-only' });
    expect(readFileSync(path, 'utf8')).toBe('abc\n');
  });
});
