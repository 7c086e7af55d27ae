import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFiles } from '../../src/checker/files.js';
import { IgnoreFile, isIgnored } from '../../src/checker/gitignore.js';
import { check, tempTree } from './helpers.js';

/** Whether one ignore file at the root excludes `path` (a file, or a folder with a trailing `/`). */
const ignores = (text: string, path: string): boolean =>
  isIgnored([new IgnoreFile('', text)], path.replace(/\/$/, ''), path.endsWith('/'));

describe('.gitignore patterns', () => {
  it.each([
    // Without a slash a pattern matches a name at any depth; with one it is anchored to the file's folder.
    ['*.log', 'a.log', true],
    ['*.log', 'deep/er/a.log', true],
    ['/build', 'build/', true],
    ['/build', 'src/build/', false],
    ['docs/*.md', 'docs/a.md', true],
    ['docs/*.md', 'x/docs/a.md', false],
    ['docs/*.md', 'docs/sub/a.md', false],
    // A trailing slash: folders only.
    ['out/', 'out/', true],
    ['out/', 'out', false],
    // `**`: any depth before, everything inside after, any folders between.
    ['**/tmp', 'a/b/tmp', true],
    ['**/tmp', 'tmp', true],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['x/**', 'x/y', true],
    ['x/**', 'x/', false],
    // Classes, `?`, escapes, case.
    ['file[0-9].yaml', 'file7.yaml', true],
    ['[!a].yaml', 'a.yaml', false],
    ['[!a].yaml', 'b.yaml', true],
    ['?.yaml', 'ab.yaml', false],
    ['\\#hash.yaml', '#hash.yaml', true],
    ['\\!bang.yaml', '!bang.yaml', true],
    ['star\\*.yaml', 'star*.yaml', true],
    ['star\\*.yaml', 'starx.yaml', false],
    ['space\\ ', 'space ', true],
    ['trailing   ', 'trailing', true],
    ['*.YAML', 'a.yaml', true],
    // Comments and blank lines are no patterns.
    ['# a.yaml\n\n', 'a.yaml', false],
  ])('%j on %j: %s', (pattern, path, expected) => {
    expect(ignores(pattern, path)).toBe(expected);
  });

  it('the last matching line decides; a deeper file overrides the files above it', () => {
    expect(ignores('*.yaml\n!keep.yaml\n', 'keep.yaml')).toBe(false);
    expect(ignores('!keep.yaml\n*.yaml\n', 'keep.yaml')).toBe(true);
    const root = new IgnoreFile('', '*.py\n');
    const sub = new IgnoreFile('sub', '!main.py\n');
    expect(isIgnored([root, sub], 'sub/main.py', false)).toBe(false);
    expect(isIgnored([root, sub], 'sub/other.py', false)).toBe(true);
    expect(isIgnored([root, sub], 'main.py', false)).toBe(true);
  });

  it('reads CRLF line ends and a byte-order mark', () => {
    expect(ignores('\uFEFFbuild\r\nlogs\r\n', 'build/')).toBe(true);
    expect(ignores('\uFEFFbuild\r\nlogs\r\n', 'logs/')).toBe(true);
  });
});

describe('the walk and .gitignore', () => {
  const BAD = 'model: ai21.j2-ultra-v1\n';
  const listed = async (folder: string): Promise<string[]> =>
    (await findFiles(['.'], folder)).files.map((f) => f.path.slice(folder.length + 1).split('\\').join('/'));

  it('does not bring back a file whose folder is excluded, as git does not', async () => {
    const excluded = tempTree({ '.gitignore': 'sub/\n!sub/keep.yaml\n', 'sub/keep.yaml': BAD, 'a.yaml': BAD });
    expect(await listed(excluded)).toEqual(['a.yaml']);
    const emptied = tempTree({ '.gitignore': 'sub/*\n!sub/keep.yaml\n', 'sub/keep.yaml': BAD, 'sub/other.yaml': BAD });
    expect(await listed(emptied)).toEqual(['sub/keep.yaml']);
  });

  it('applies a nested .gitignore to the paths below its folder', async () => {
    const root = tempTree({ 'sub/.gitignore': '/a.yaml\ndeep/b.yaml\n', 'sub/a.yaml': BAD, 'sub/deep/b.yaml': BAD, 'a.yaml': BAD, 'sub/x/a.yaml': BAD });
    expect(await listed(root)).toEqual(['a.yaml', 'sub/x/a.yaml']);
  });

  it('in a git repository, honours the .gitignore files from its root down to the folder checked', async () => {
    const root = tempTree({ '.gitignore': '*.local.yaml\nbuild/\n', 'src/.gitignore': 'gen/\n', 'src/a.local.yaml': BAD, 'src/gen/b.yaml': BAD, 'src/c.yaml': BAD, 'build/d.yaml': BAD });
    // Outside a repository only the folder's own .gitignore and those below it count, as before.
    expect(await listed(join(root, 'src'))).toEqual(['a.local.yaml', 'c.yaml']);
    mkdirSync(join(root, '.git'));
    expect(await listed(join(root, 'src'))).toEqual(['c.yaml']);
    // A folder the repository excludes holds nothing to check, even named on its own.
    expect(await listed(join(root, 'build'))).toEqual([]);
  });

  it('notes an ignore file that cannot be read, and checks on', async () => {
    const root = tempTree({ 'a.yaml': BAD });
    symlinkSync('.gitignore', join(root, '.gitignore'));
    const { stdout, stderr } = await check(root);
    expect(stderr).toContain('bedrock-lint: skipped .gitignore: it cannot be read: a loop of symbolic links (ELOOP), so its patterns are not applied.');
    expect(stdout).toContain('"file": "a.yaml"');
  });
});
