import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JsonFinding } from '../../src/checker/formats/json.js';
import type { ModelInfo, UnknownInfo } from '../../src/checker/info.js';
import { spawnSync } from 'node:child_process';
import { DAY, HAIKU_45, runCli, SONNET_45, tempTree, TSX, BIN } from './helpers.js';

describe('bedrock-lint check (the program)', () => {
  it('the issue\'s scenario: Python in eu-west-1, a legacy YAML model and a .env profile ID', () => {
    const root = tempTree({
      'app.py': [
        'import boto3',
        '',
        'client = boto3.client("bedrock-runtime", region_name="eu-west-1")',
        'response = client.converse(',
        '    modelId="anthropic.claude-sonnet-4-5-20250929-v1:0",',
        '    messages=[{"role": "user", "content": [{"text": "Hello"}]}],',
        ')',
        '',
      ].join('\n'),
      'config.yaml': 'model: ai21.j2-ultra-v1\n',
      '.env': 'BEDROCK_MODEL=us.anthropic.claude-sonnet-4-5-20250929-v1:0\n',
    });
    // The bundled snapshot, judged on a pinned day so that the test does not change as lifecycle dates pass.
    const { code, stdout, stderr } = runCli(['check', '--format', 'json', '--now', DAY], root);
    // The bundled snapshot is past the default threshold (30 days) on that day: one notice on stderr.
    expect(stderr).toMatch(/^bedrock-lint: the Bedrock model snapshot is from 2026-09-07 \(\d+ days old\);[^\n]*\n$/);
    expect(code).toBe(1);
    const findings = JSON.parse(stdout) as JsonFinding[];
    const python = findings.filter((f) => f.file === 'app.py' && f.ruleId === 'require-inference-profile');
    expect(python).toHaveLength(1);
    expect(python[0]).toMatchObject({ line: 5, column: 13, severity: 'error', fix: { text: `eu.${SONNET_45}` } });
    const yaml = findings.filter((f) => f.file === 'config.yaml');
    expect(yaml.map((f) => [f.line, f.ruleId, f.severity])).toEqual([[1, 'no-end-of-life-model', 'error']]);
    // The profile ID itself is right: nothing at error severity for the .env file. Claude Sonnet 4.5
    // entered Legacy on 2026-10-08 (snapshot lifecycle data), so a no-legacy-model warning is expected
    // there, exactly as for the Python line.
    const env = findings.filter((f) => f.file === '.env');
    expect(env.map((f) => [f.ruleId, f.severity, f.text])).toEqual([['no-legacy-model', 'warning', `us.${SONNET_45}`]]);
    expect(findings.filter((f) => f.file === 'app.py').map((f) => f.ruleId)).toEqual(['require-inference-profile', 'no-legacy-model']);
  });

  it('exits 2 with one clear message for usage and runtime errors', () => {
    const root = tempTree({ 'a.py': 'x = 1\n' });
    const cases: [string[], RegExp][] = [
      [['check', '--format', 'xml'], /argument 'xml' is invalid\. Allowed choices are stylish, json, sarif/],
      [['check', '--region', 'eu-west1'], /^bedrock-lint: unknown region 'eu-west1' in --region\. Did you mean 'eu-west-1'\?/],
      [['check', '--snapshot', 'missing.json'], /^bedrock-lint: the Bedrock snapshot .*missing\.json does not exist\./],
      [['check', '--rule', 'nope'], /^bedrock-lint: unknown rule 'nope' in --rule/],
      [['check', 'nowhere'], /^bedrock-lint: no such file or directory: nowhere\n$/],
      [['check', 'nope/**/*.py'], /^bedrock-lint: no files match the pattern 'nope\/\*\*\/\*\.py' .*check it for typos, or pass --no-error-on-unmatched-pattern\.\n$/],
      [['check', '--max-warnings', 'many'], /expected a whole number/],
      [['check', '--now', '26/11/2026'], /expected a date as YYYY-MM-DD/],
      [['check', '--bogus'], /unknown option '--bogus'/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = runCli(args, root);
      expect([args.join(' '), code]).toEqual([args.join(' '), 2]);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('ends quietly, with the exit code of the findings, when the reader closes the pipe (| head -1)', () => {
    // About 2 MB of report: far more than a pipe holds, so that most of it is written after head has gone.
    const root = tempTree({ 'models.yaml': `${'- ai21.j2-ultra-v1\n'.repeat(2000)}`, 'z.py': 'm = "ai21.j2-ultra-v1"\n' });
    for (const format of ['json', 'stylish']) {
      const command = `"${process.execPath}" --import "${TSX}" "${BIN}" check --format ${format} --now ${DAY} --no-stale-notice 2>stderr.txt | head -1; echo "$\{PIPESTATUS[0]}"`;
      const result = spawnSync('bash', ['-c', command], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      const [first, code] = result.stdout.split('\n');
      expect([format, first, code]).toEqual([format, format === 'json' ? '[' : '', '1']);
      expect(readFileSync(`${root}/stderr.txt`, 'utf8')).toBe('');
    }
  });

  it('exits 0 on a clean tree and prints nothing (the staleness notice hidden)', () => {
    const { code, stdout, stderr } = runCli(['check', '--no-stale-notice'], tempTree({ 'a.py': `m = "us.${HAIKU_45}"\n` }));
    expect([code, stdout, stderr]).toEqual([0, '', '']);
  });
});

describe('bedrock-lint info', () => {
  it('names the jp. profile of Claude Haiku 4.5 with ap-northeast-1 among its source regions', () => {
    const { code, stdout } = runCli(['info', HAIKU_45], process.cwd());
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const jp = lines.indexOf(`  jp.${HAIKU_45}`);
    expect(jp).toBeGreaterThan(0);
    expect(lines[jp + 1]).toMatch(/^ {4}source regions: +.*\bap-northeast-1\b/);
    expect(stdout).toMatch(/^Lifecycle: Active$/m);
    expect(stdout).toMatch(/^ {2}profile only \(\d+\): +.*\bap-northeast-1\b/m);
  });

  it('--json gives the verdict per region and each profile; ARNs and LiteLLM names are understood', () => {
    const arn = `arn:aws:bedrock:ap-northeast-1:111122223333:inference-profile/jp.${HAIKU_45}`;
    for (const input of [arn, `bedrock/converse/jp.${HAIKU_45}`]) {
      const { code, stdout } = runCli(['info', input, '--json'], process.cwd());
      expect(code).toBe(0);
      const info = JSON.parse(stdout) as ModelInfo;
      expect(info).toMatchObject({ found: true, modelId: HAIKU_45, profileId: `jp.${HAIKU_45}` });
      expect(info.regions?.['ap-northeast-1']).toEqual({ verdict: 'profile-only', profiles: [`jp.${HAIKU_45}`, `global.${HAIKU_45}`] });
      expect(info.profiles.find((p) => p.geo === 'jp')?.sourceRegions).toContain('ap-northeast-1');
      // The account ID of an ARN is never echoed.
      expect(stdout).not.toContain('111122223333');
    }
  });

  it('exits 1 for an unknown ID, with did-you-mean', () => {
    const typo = runCli(['info', 'anthropic.claude-haiku-4-5-20251001-v1'], process.cwd());
    expect(typo.code).toBe(1);
    expect(typo.stdout).toContain(`Did you mean '${HAIKU_45}'`);
    const json = runCli(['info', 'xx.anthropic.claude-haiku-4-5-20251001-v1:0', '--json'], process.cwd());
    expect(json.code).toBe(1);
    const info = JSON.parse(json.stdout) as UnknownInfo;
    expect(info.found).toBe(false);
    expect(info.didYouMean).toContain(`jp.${HAIKU_45}`);
  });
});
