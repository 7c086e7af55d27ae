/**
 * The hook of .pre-commit-hooks.yaml, installed and run by the real pre-commit framework (4.x):
 * `pre-commit try-repo <this repository> bedrock-lint --all-files` in a fresh git project. This
 * installs the hook as pre-commit does, from a git clone with `npm install -g git+file://...`, so
 * it runs scripts/prepare.mjs without devDependencies (slow: ~40 s with a warm npm cache).
 *
 * pre-commit comes from $PRE_COMMIT, else from PATH (.ci/run installs it). Without it this test is
 * skipped, saying so; when pre-commit is there and the hook does not install or report, it fails.
 * try-repo reads the repository's committed state plus staged and unstaged changes to tracked
 * files (not untracked ones): commit or `git add` new files before running it. A second test
 * runs the `repo: local` form of docs/cli.md with the packed tarball as additional_dependencies.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pack, ROOT } from './packed.js';

function findPreCommit(): string | null {
  const candidates = [process.env.PRE_COMMIT, 'pre-commit'].filter((c): c is string => Boolean(c));
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8' });
    if (probe.status === 0 && /^pre-commit (\d+)\./.test(probe.stdout)) return candidate;
  }
  return null;
}

const PRE_COMMIT = findPreCommit();
const version = PRE_COMMIT ? spawnSync(PRE_COMMIT, ['--version'], { encoding: 'utf8' }).stdout.trim() : 'not installed';
const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';

const work = mkdtempSync(join(tmpdir(), 'aws-bedrock-pre-commit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function gitProject(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  execFileSync('git', ['init', '-q', dir]);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  execFileSync('git', ['add', '.'], { cwd: dir });
  return dir;
}

function preCommit(cwd: string, args: readonly string[]) {
  return spawnSync(PRE_COMMIT!, args, {
    cwd,
    encoding: 'utf8',
    // One hook environment for both runs, apart from the user's own.
    env: { ...process.env, PRE_COMMIT_HOME: join(work, 'cache'), NO_COLOR: '1' },
  });
}

describe.skipIf(!PRE_COMMIT)(`pre-commit try-repo (${version})`, () => {
  // One run (each install of the hook environment takes most of the time): a file with a bare ID
  // that needs an inference profile, and one whose ID is right.
  it('installs the hook from git and reports the wrong ID, not the right one', () => {
    expect(version).toMatch(/^pre-commit [4-9]\./);
    const cwd = gitProject('project', {
      'app.py': `import boto3\nclient = boto3.client("bedrock-runtime", region_name="eu-west-1")\nMODEL_ID = "${SONNET_45}"\n`,
      'ok.py': `REGION = "eu-west-1"\nMODEL_ID = "eu.${SONNET_45}"\n`,
    });
    const run = preCommit(cwd, ['try-repo', ROOT, 'bedrock-lint', '--all-files']);
    const out = `${run.stdout}${run.stderr}`;
    expect(out).not.toMatch(/An unexpected error has occurred|git dep preparation failed/);
    expect(out).toMatch(/bedrock-lint \(Amazon Bedrock model IDs\)\.+Failed/);
    expect(out).toMatch(/app\.py\s+3:\d+\s+error .* require-inference-profile/);
    // One error: app.py's. ok.py's profile is right (its lifecycle may earn it a warning).
    expect(out).toMatch(/\(1 error\b/);
    expect(out).not.toMatch(/plain-text scanner/);
    expect(run.status).toBe(1);
  }, 300_000);

  // docs/cli.md's `repo: local` form, with the packed tarball in place of the published version.
  it('runs the hook of a repo: local config with the package as additional_dependencies', () => {
    const tarball = pack(work);
    const config = [
      'repos:',
      '  - repo: local',
      '    hooks:',
      '      - id: bedrock-lint',
      '        name: bedrock-lint (Amazon Bedrock model IDs)',
      '        entry: bedrock-lint check',
      '        language: node',
      '        types: [text]',
      '        require_serial: true',
      `        additional_dependencies: ['${tarball}']`,
      '',
    ].join('\n');
    const cwd = gitProject('local', {
      '.pre-commit-config.yaml': config,
      'main.go': `package main\n\nconst region = "eu-west-1"\nconst modelID = "${SONNET_45}"\n`,
    });
    const run = preCommit(cwd, ['run', '--all-files']);
    const out = `${run.stdout}${run.stderr}`;
    expect(out).toMatch(/bedrock-lint \(Amazon Bedrock model IDs\)\.+Failed/);
    expect(out).toMatch(/main\.go\s+4:\d+\s+error .* require-inference-profile/);
    expect(run.status).toBe(1);
  }, 300_000);
});
