import { lstatSync, mkdtempSync, readFileSync, readlinkSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/util/atomic-write.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => (dir = mkdtempSync(join(tmpdir(), 'atomic-write-')));

describe('writeFileAtomic', () => {
  it('creates a new file and leaves no temporary file behind', () => {
    const file = join(fresh(), 'a.json');
    writeFileAtomic(file, '{}\n');
    expect(readFileSync(file, 'utf8')).toBe('{}\n');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('keeps the permission bits of the file it replaces', () => {
    const file = join(fresh(), '.env');
    writeFileSync(file, 'A=1\n', { mode: 0o600 });
    writeFileAtomic(file, 'A=2\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe('A=2\n');
  });

  it('replaces the target of a symbolic link and keeps the link', () => {
    const target = join(fresh(), 'real.env');
    const link = join(dir, '.env');
    writeFileSync(target, 'A=1\n', { mode: 0o600 });
    symlinkSync(target, link);
    writeFileAtomic(link, 'A=2\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('A=2\n');
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });
});
