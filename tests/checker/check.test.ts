import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/checker/files.js';
import { findingsOf, type JsonEntry, type JsonFinding } from '../../src/checker/formats/json.js';
import { DEFAULT_STALE_AFTER_DAYS } from '../../src/checker/stale.js';
import { check, FIXTURE_SNAPSHOT, HAIKU_45, SONNET_37, tempTree } from './helpers.js';

const files = (stdout: string): string[] => [...new Set(findingsOf(JSON.parse(stdout) as JsonEntry[]).map((f) => f.file))];

describe('exit codes and filters', () => {
  const legacyOnly = () => tempTree({ 'a.yaml': `region: eu-west-1\nmodel: eu.${SONNET_37}\n` });

  it('exits 0 with only warnings, 1 with errors, 1 with more warnings than --max-warnings', async () => {
    expect((await check(legacyOnly())).code).toBe(0);
    expect((await check(tempTree({ 'a.yaml': 'model: ai21.j2-ultra-v1\n' }))).code).toBe(1);
    const strict = await check(legacyOnly(), { maxWarnings: 0 });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('too many warnings (1; the maximum is 0)');
    expect((await check(legacyOnly(), { maxWarnings: 1 })).code).toBe(0);
  });

  it('--quiet reports errors only, --rule and --disable-rule choose the rules', async () => {
    const root = tempTree({ 'a.yaml': `m1: ${SONNET_37}\nm2: anthropic.claude-sonet-4-6\n` });
    const rules = async (options: Parameters<typeof check>[1]) =>
      (JSON.parse((await check(root, options)).stdout) as JsonFinding[]).map((f) => f.ruleId);
    expect(await rules({})).toEqual(['require-inference-profile', 'no-legacy-model', 'no-unknown-model']);
    expect(await rules({ quiet: true })).toEqual(['require-inference-profile', 'no-unknown-model']);
    expect(await rules({ only: ['no-legacy-model', 'aws-bedrock/no-unknown-model'] })).toEqual(['no-legacy-model', 'no-unknown-model']);
    expect(await rules({ disabled: ['require-inference-profile'] })).toEqual(['no-legacy-model', 'no-unknown-model']);
  });

  it('throws a usage error for an unknown rule, a missing path, an unknown region', async () => {
    const root = legacyOnly();
    await expect(check(root, { only: ['no-legacy'] })).rejects.toThrow(UsageError);
    await expect(check(root, { only: ['no-legacy'] })).rejects.toThrow(/unknown rule 'no-legacy' in --rule; the rules are require-inference-profile/);
    await expect(check(root, { paths: ['missing'] })).rejects.toThrow('no such file or directory: missing');
    await expect(check(root, { regions: ['eu-west1'] })).rejects.toThrow(/unknown region 'eu-west1' in --region\. Did you mean 'eu-west-1'\?/);
  });

  it('--region overrides the regions files state', async () => {
    const root = tempTree({ 'a.py': `import boto3\nboto3.client("bedrock-runtime", region_name="eu-west-1").converse(modelId="${HAIKU_45}")\n` });
    const [finding] = JSON.parse((await check(root, { regions: ['ap-northeast-1'] })).stdout) as JsonFinding[];
    expect(finding?.fix?.text).toBe(`jp.${HAIKU_45}`);
  });
});

describe('walking', () => {
  it('honours .gitignore, skips node_modules, .git and other dependency folders, reads dotfiles', async () => {
    const bad = 'model: ai21.j2-ultra-v1\n';
    const root = tempTree({
      '.gitignore': 'generated/\n*.local.yaml\n',
      'generated/a.yaml': bad,
      'b.local.yaml': bad,
      'node_modules/pkg/c.yaml': bad,
      '.git/d.yaml': bad,
      '.venv/lib/site-packages/e.yaml': bad,
      'dist/f.yaml': bad,
      '.github/workflows/g.yml': bad,
      '.env': 'MODEL=ai21.j2-ultra-v1\n',
      'notes.md': bad,
    });
    expect(files((await check(root)).stdout)).toEqual(['.env', '.github/workflows/g.yml', 'dist/f.yaml']);
  });

  it('checks files named on the command line even when ignored, and expands glob patterns', async () => {
    const root = tempTree({ '.gitignore': 'ignored.yaml\n', 'ignored.yaml': 'm: ai21.j2-ultra-v1\n', 'sub/x.yaml': 'm: ai21.j2-ultra-v1\n', 'sub/y.py': 'm = "ai21.j2-ultra-v1"\n' });
    expect(files((await check(root, { paths: ['ignored.yaml'] })).stdout)).toEqual(['ignored.yaml']);
    expect(files((await check(root, { paths: ['sub/*.py'] })).stdout)).toEqual(['sub/y.py']);
    expect(files((await check(`${root}/sub`, { paths: ['.'] })).stdout)).toEqual(['x.yaml', 'y.py']);
  });

  it('skips binaries, files over 5 MB and minified bundles, each with a one-line note', async () => {
    const root = tempTree({
      'binary.py': Buffer.concat([Buffer.from('m = "ai21.j2-ultra-v1"\n'), Buffer.from([0, 1, 2])]),
      'huge.json': `[${'"x",'.repeat(1_400_000)}"ai21.j2-ultra-v1"]`,
      'bundle.min.js': `var m="ai21.j2-ultra-v1";${'var a=1;'.repeat(20_000)}`,
      'ok.py': 'm = "ai21.j2-ultra-v1"\n',
    });
    const { stdout, stderr } = await check(root);
    expect(files(stdout)).toEqual(['ok.py']);
    const notes = [
      'skipped binary.py: binary (contains NUL bytes).',
      'skipped bundle.min.js: looks minified or generated (160025 characters per line).',
      'skipped huge.json: larger than 5 MB.',
    ];
    expect(stderr.trim().split('\n')).toEqual(notes.map((note) => `bedrock-lint: ${note}`));
    // The JSON report lists them after the findings, as notes.
    expect((JSON.parse(stdout) as JsonEntry[]).filter((e) => e.ruleId === null)).toEqual(
      ['binary.py', 'bundle.min.js', 'huge.json'].map((file, i) => ({ file, ruleId: null, severity: 'note', message: notes[i] })),
    );
  });
});

describe('files a parser rejects', () => {
  it('are read with the linear scanner, with a note naming the reason', async () => {
    const root = tempTree({ 'broken.ts': `const a = ;\nconst m = '${SONNET_37}';\n`, 'chart.yaml': `a: b: c\nm: ai21.j2-ultra-v1\n` });
    const { stdout, stderr } = await check(root, { only: ['no-legacy-model', 'no-end-of-life-model'] });
    expect((JSON.parse(stdout) as JsonFinding[]).map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([
      'broken.ts:2 no-legacy-model',
      'chart.yaml:2 no-end-of-life-model',
    ]);
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      'bedrock-lint: broken.ts: it does not parse: Unexpected token (1:10); checked with the plain-text scanner.',
      'bedrock-lint: chart.yaml: not valid YAML; checked with the plain-text scanner.',
    ]);
  });
});

describe('staleness notice', () => {
  const root = () => tempTree({ 'a.yaml': `m: us.${SONNET_37}\n`, 'team/snapshot.json': readFileSync(FIXTURE_SNAPSHOT, 'utf8') });

  it('prints one notice at the end, naming the snapshot date and the sync command, when the snapshot is too old', async () => {
    const { stderr, code } = await check(root(), { paths: ['a.yaml'], staleAfter: 30, snapshot: 'team/snapshot.json' });
    expect(code).toBe(0);
    expect(stderr).toBe(
      'bedrock-lint: the Bedrock model snapshot is from 2026-09-01 (86 days old); refresh it with `npx bedrock-lint sync --out team/snapshot.json` (hide this notice with --no-stale-notice).\n',
    );
    const stylish = await check(root(), { paths: ['a.yaml'], staleAfter: 30, format: 'stylish' });
    expect(stylish.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('points at sync and --snapshot for the bundled snapshot', async () => {
    const { stderr } = await check(root(), { paths: ['a.yaml'], snapshot: undefined, now: new Date('2027-06-01T00:00:00Z') });
    expect(stderr).toMatch(
      /^bedrock-lint: the Bedrock model snapshot is from (\d{4}-\d{2}-\d{2}) \(\d+ days old\); build a current one with `npx bedrock-lint sync --out bedrock-snapshot\.json` and pass --snapshot bedrock-snapshot\.json, or upgrade eslint-plugin-aws-bedrock/,
    );
    // On the pinned day (2026-11-26) the bundled snapshot of 2026-09-07 is 80 days old: past the
    // default threshold of 30 days, within 90.
    expect(DEFAULT_STALE_AFTER_DAYS).toBe(30);
    expect((await check(root(), { paths: ['a.yaml'], snapshot: undefined, staleAfter: DEFAULT_STALE_AFTER_DAYS })).stderr).toMatch(/80 days old/);
    expect((await check(root(), { paths: ['a.yaml'], snapshot: undefined, staleAfter: 90 })).stderr).toBe('');
  });

  it('prints nothing within the threshold or with --no-stale-notice', async () => {
    expect((await check(root(), { paths: ['a.yaml'] })).stderr).toBe('');
    expect((await check(root(), { paths: ['a.yaml'], staleAfter: 30, staleNotice: false })).stderr).toBe('');
  });
});

describe('encodings', () => {
  it('reads files with a byte-order mark and CRLF line ends at the right positions', async () => {
    const root = tempTree({ 'a.py': `\uFEFFimport boto3\r\nm = "${SONNET_37}"\r\n` });
    const [finding] = JSON.parse((await check(root, { only: ['no-legacy-model'] })).stdout) as JsonFinding[];
    expect(finding).toMatchObject({ line: 2, column: 5, endColumn: 5 + SONNET_37.length + 2 });
    expect(readFileSync(`${root}/a.py`, 'utf8').startsWith('\uFEFF')).toBe(true);
  });
});
