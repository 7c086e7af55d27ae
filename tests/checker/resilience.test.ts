/**
 * No single file ends a check: files and folders that cannot be read, vanish, have names that are
 * not UTF-8 or paths too long for the system, named pipes, and symbolic links of every kind are
 * notes (stderr, and the JSON and SARIF reports), and the rest is reported, with the exit code of
 * the findings. A pattern that matches nothing is a usage error.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { describe, expect, it, type TestContext } from 'vitest';
import { findFiles, UsageError } from '../../src/checker/files.js';
import { findingsOf, type JsonEntry, type JsonNote } from '../../src/checker/formats/json.js';
import { check, tempTree } from './helpers.js';

const BAD = 'm: ai21.j2-ultra-v1\n';

const entries = (stdout: string): JsonEntry[] => JSON.parse(stdout) as JsonEntry[];
const reported = (stdout: string): string[] => [...new Set(findingsOf(entries(stdout)).map((f) => f.file))];
const notes = (stdout: string): JsonNote[] => entries(stdout).filter((e): e is JsonNote => e.ruleId === null);
const isRoot = process.getuid?.() === 0;

/** A line in the test's output (and its annotations) where an assertion cannot run here. */
async function notice(context: TestContext, message: string): Promise<void> {
  console.warn(`note: ${message}`);
  await context.annotate(message, 'notice');
}

describe('a file that cannot be read is a note, and the rest is reported', () => {
  it('a dangling symbolic link named on the command line, and one met in a walk', async () => {
    const root = tempTree({ 'ok.yaml': BAD });
    symlinkSync('missing.yaml', join(root, 'dangling.yaml'));
    const named = await check(root, { paths: ['dangling.yaml', 'ok.yaml'] });
    const message = 'skipped dangling.yaml: it is a symbolic link to nothing (its target does not exist).';
    expect(named.code).toBe(1);
    expect(reported(named.stdout)).toEqual(['ok.yaml']);
    expect(named.stderr).toBe(`bedrock-lint: ${message}\n`);
    expect(notes(named.stdout)).toEqual([{ file: 'dangling.yaml', ruleId: null, severity: 'note', message }]);
    const walked = await check(root);
    expect([walked.code, reported(walked.stdout), walked.stderr]).toEqual([1, ['ok.yaml'], `bedrock-lint: ${message}\n`]);
  });

  it('a file that vanishes between listing and reading, and one replaced by a folder', async () => {
    const root = tempTree({ 'a.yaml': BAD, 'b.yaml': BAD, 'c.yaml': BAD });
    const { code, stdout, stderr } = await check(root, {
      hooks: {
        beforeRead(path) {
          if (path.endsWith('a.yaml')) unlinkSync(path);
          if (path.endsWith('b.yaml')) {
            unlinkSync(path);
            mkdirSync(path);
          }
        },
      },
    });
    expect(code).toBe(1);
    expect(reported(stdout)).toEqual(['c.yaml']);
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      'bedrock-lint: skipped a.yaml: it no longer exists (ENOENT).',
      'bedrock-lint: skipped b.yaml: it is a folder, not a regular file.',
    ]);
  });

  it('exits by the findings: 0 when the files that could be read are clean, and the report is never empty', async () => {
    const root = tempTree({ 'a.yaml': BAD, 'clean.yaml': 'm: us.anthropic.claude-sonnet-4-6\n' });
    const hooks = { beforeRead: (path: string) => path.endsWith('a.yaml') && unlinkSync(path) };
    const json = await check(root, { hooks });
    expect(json.code).toBe(0);
    expect(entries(json.stdout)).toEqual([
      { file: 'a.yaml', ruleId: null, severity: 'note', message: 'skipped a.yaml: it no longer exists (ENOENT).' },
    ]);
    writeFileSync(join(root, 'a.yaml'), BAD);
    const sarif = await check(root, { hooks, format: 'sarif' });
    const [invocation] = (JSON.parse(sarif.stdout) as Log).runs[0]!.invocations!;
    expect(invocation).toEqual({
      executionSuccessful: true,
      toolExecutionNotifications: [
        {
          level: 'warning',
          message: { text: 'skipped a.yaml: it no longer exists (ENOENT).' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'a.yaml', uriBaseId: '%SRCROOT%' } } }],
        },
      ],
    });
  });

  it('a file whose name is not valid UTF-8', async () => {
    const root = tempTree({ 'ok.yaml': BAD });
    // b<0xff>.yaml: Node lists the name with a replacement character, which names no file.
    writeFileSync(Buffer.concat([Buffer.from(`${root}/b`), Buffer.from([0xff]), Buffer.from('.yaml')]), BAD);
    const { code, stdout, stderr } = await check(root);
    expect([code, reported(stdout)]).toEqual([1, ['ok.yaml']]);
    expect(stderr).toBe('bedrock-lint: skipped b\uFFFD.yaml: its name is not valid UTF-8, so it cannot be opened by name.\n');
  });

  it('a folder whose path is longer than the system allows (over 4 KB)', async () => {
    const root = tempTree({ 'ok.yaml': BAD });
    // Made step by step, relative to the folder before: no single call sees the whole path.
    const segment = 'd'.repeat(200);
    const made = spawnSync('bash', ['-c', `for i in $(seq 1 22); do mkdir ${segment} && cd ${segment} || exit 1; done; printf '${BAD}' > deep.yaml`], {
      cwd: root,
    });
    expect(made.status, made.stderr.toString()).toBe(0);
    try {
      const { code, stdout, stderr } = await check(root);
      expect([code, reported(stdout)]).toEqual([1, ['ok.yaml']]);
      expect(stderr).toMatch(/^bedrock-lint: skipped (d{200}\/)+: it cannot be read: its path is longer than the system allows \(ENAMETOOLONG\)\.\n$/);
    } finally {
      spawnSync('rm', ['-rf', segment], { cwd: root });
    }
  });

  it('a file and a folder without read permission (chmod 000)', async (context) => {
    const root = tempTree({ 'ok.yaml': BAD, 'secret.yaml': BAD, 'private/c.yaml': BAD });
    chmodSync(join(root, 'secret.yaml'), 0o000);
    chmodSync(join(root, 'private'), 0o000);
    try {
      const { code, stdout, stderr } = await check(root);
      expect(code).toBe(1);
      if (isRoot) {
        // The superuser reads them anyway; the cases above stand in for an unreadable file.
        await notice(context, 'running as root: chmod 000 does not stop root from reading, so both files are checked');
        expect(reported(stdout)).toEqual(['ok.yaml', 'private/c.yaml', 'secret.yaml']);
      } else {
        expect(reported(stdout)).toEqual(['ok.yaml']);
        expect(stderr.split('\n').filter(Boolean)).toEqual([
          'bedrock-lint: skipped private/: it cannot be read: permission denied (EACCES).',
          'bedrock-lint: skipped secret.yaml: it cannot be read: permission denied (EACCES).',
        ]);
      }
    } finally {
      chmodSync(join(root, 'private'), 0o755);
    }
  });
});

describe('special files', () => {
  it('skips a named pipe, in a walk and named on the command line, without waiting on it', async () => {
    const root = tempTree({ 'ok.yaml': BAD });
    const made = spawnSync('mkfifo', [join(root, 'pipe.yaml')]);
    expect(made.status, made.stderr.toString()).toBe(0);
    const message = 'bedrock-lint: skipped pipe.yaml: it is a named pipe (FIFO), not a regular file.\n';
    for (const paths of [[], ['pipe.yaml', 'ok.yaml']]) {
      const { code, stdout, stderr } = await check(root, { paths });
      expect([code, reported(stdout), stderr]).toEqual([1, ['ok.yaml'], message]);
    }
  });

  it('reads a device named on the command line as nothing to check when it is of no checked type', async () => {
    const { files, skipped } = await findFiles(['/dev/null'], tempTree({}));
    expect([files, skipped]).toEqual([[], []]);
  });
});

describe('symbolic links', () => {
  it('follows a link to a file once: under its own name when its target is not checked otherwise', async () => {
    const outside = tempTree({ 'shared.yaml': BAD });
    const root = tempTree({ 'a.yaml': BAD });
    symlinkSync(join(outside, 'shared.yaml'), join(root, 'shared.yaml'));
    symlinkSync('a.yaml', join(root, 'b.yaml'));
    symlinkSync('b.yaml', join(root, 'c.yaml'));
    const { code, stdout, stderr } = await check(root);
    expect([code, reported(stdout)]).toEqual([1, ['a.yaml', 'shared.yaml']]);
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      'bedrock-lint: skipped b.yaml: it is a link to a.yaml, which is checked under that name.',
      'bedrock-lint: skipped c.yaml: it is a link to a.yaml, which is checked under that name.',
    ]);
  });

  it('does not follow a link to a folder in a walk (no loop), but walks a folder linked on the command line', async () => {
    const root = tempTree({ 'src/a.yaml': BAD });
    symlinkSync('..', join(root, 'src/loop'));
    symlinkSync('src', join(root, 'linked'));
    const walked = await check(root);
    expect(reported(walked.stdout)).toEqual(['src/a.yaml']);
    expect(walked.stderr.split('\n').filter(Boolean)).toEqual([
      'bedrock-lint: skipped linked/: it is a symbolic link to a folder, which is not followed (name the folder itself to check it).',
      'bedrock-lint: skipped src/loop/: it is a symbolic link to a folder, which is not followed (name the folder itself to check it).',
    ]);
    const named = await check(root, { paths: ['linked'] });
    expect(reported(named.stdout)).toEqual(['linked/a.yaml']);
  });

  it('notes a loop of links', async () => {
    const root = tempTree({ 'ok.yaml': BAD });
    symlinkSync('y.yaml', join(root, 'x.yaml'));
    symlinkSync('x.yaml', join(root, 'y.yaml'));
    const { code, stdout, stderr } = await check(root);
    expect([code, reported(stdout)]).toEqual([1, ['ok.yaml']]);
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      'bedrock-lint: skipped x.yaml: it cannot be read: a loop of symbolic links (ELOOP).',
      'bedrock-lint: skipped y.yaml: it cannot be read: a loop of symbolic links (ELOOP).',
    ]);
  });
});

describe('patterns and paths that match nothing', () => {
  const root = () => tempTree({ 'src/a.py': 'm = "ai21.j2-ultra-v1"\n', 'docs/a.md': 'ai21.j2-ultra-v1\n' });

  it('a glob pattern that matches no file to check is a usage error, as in ESLint', async () => {
    const tree = root();
    await expect(check(tree, { paths: ['scr/**/*.py'] })).rejects.toThrow(UsageError);
    await expect(check(tree, { paths: ['scr/**/*.py'] })).rejects.toThrow(
      "no files match the pattern 'scr/**/*.py' (files of other types, and those in .gitignore or dependency folders, are left out); check it for typos, or pass --no-error-on-unmatched-pattern.",
    );
    // Files of other types do not count as a match.
    await expect(check(tree, { paths: ['docs/*.md'] })).rejects.toThrow("no files match the pattern 'docs/*.md'");
    // The other patterns of the run do not make up for it.
    await expect(check(tree, { paths: ['src/*.py', 'scr/*.py'] })).rejects.toThrow("no files match the pattern 'scr/*.py'");
  });

  it('is allowed with errorOnUnmatchedPattern: false (--no-error-on-unmatched-pattern)', async () => {
    const { code, stdout, stderr } = await check(root(), { paths: ['scr/**/*.py', 'src/*.py'], errorOnUnmatchedPattern: false });
    expect([code, reported(stdout), stderr]).toEqual([1, ['src/a.py'], '']);
  });

  it('a folder without files to check is no error', async () => {
    const { code, stdout } = await check(root(), { paths: ['docs'] });
    expect([code, entries(stdout)]).toEqual([0, []]);
  });

  it('a missing path with control characters is named with them escaped', async () => {
    await expect(check(root(), { paths: ['a\u001b[2J.py'] })).rejects.toThrow('no such file or directory: a\\x1b[2J.py');
  });
});

describe('paths that cannot be looked up', () => {
  it('an over-long path named on the command line is a note', async () => {
    const root = tempTree({ 'ok.yaml': BAD });
    const long = `${'x'.repeat(5000)}.yaml`;
    const { code, stdout, stderr } = await check(root, { paths: [long, 'ok.yaml'] });
    expect([code, reported(stdout)]).toEqual([1, ['ok.yaml']]);
    expect(stderr).toBe(`bedrock-lint: skipped ${long}: it cannot be read: its path is longer than the system allows (ENAMETOOLONG).\n`);
    expect(existsSync(join(root, 'ok.yaml'))).toBe(true);
    rmSync(root, { recursive: true });
  });
});
