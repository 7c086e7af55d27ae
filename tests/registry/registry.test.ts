import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRegistry, SnapshotError } from '../../src/registry/registry.js';

const fixture = new URL('../fixtures/snapshot.json', import.meta.url).pathname;
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadRegistry', () => {
  it('loads a snapshot once and hands out the same registry while the file is unchanged', () => {
    dir = mkdtempSync(join(tmpdir(), 'registry-'));
    const file = join(dir, 'snapshot.json');
    copyFileSync(fixture, file);
    expect(loadRegistry(file)).toBe(loadRegistry(file));
  });

  it('reads a user snapshot again when it changes on disk', () => {
    dir = mkdtempSync(join(tmpdir(), 'registry-'));
    const file = join(dir, 'snapshot.json');
    copyFileSync(fixture, file);
    const before = loadRegistry(file);
    const data = JSON.parse(readFileSync(fixture, 'utf8'));
    data.generatedAt = '2026-10-01';
    writeFileSync(file, JSON.stringify(data));
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    const after = loadRegistry(file);
    expect(after).not.toBe(before);
    expect(after.asOf).toBe('2026-10-01');
  });

  it('names the file and the fix for a missing snapshot, and recovers once it exists', () => {
    dir = mkdtempSync(join(tmpdir(), 'registry-'));
    const file = join(dir, 'team-snapshot.json');
    expect(() => loadRegistry(file)).toThrow(SnapshotError);
    expect(() => loadRegistry(file)).toThrow(new RegExp(`${file}.*does not exist.*bedrock-lint sync`));
    copyFileSync(fixture, file);
    expect(loadRegistry(file).models.size).toBeGreaterThan(0);
  });
});
