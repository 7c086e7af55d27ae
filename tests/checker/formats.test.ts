import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import type { JsonFinding } from '../../src/checker/formats/json.js';
import { formatStylish } from '../../src/checker/formats/stylish.js';
import type { CheckFinding } from '../../src/checker/types.js';
import { RULE_NAMES } from '../../src/core/rules.js';
import { docsUrl } from '../../src/core/docs-url.js';
import { check, HAIKU_45, SONNET_37, tempTree } from './helpers.js';

const tree = () =>
  tempTree({
    'src/app.py': `import boto3\nboto3.client("bedrock-runtime", region_name="eu-west-1").converse(modelId="${HAIKU_45}")\n`,
    'config/models.yaml': `legacy: ${SONNET_37}\nunknown: anthropic.claude-sonet-4-6\n`,
    'clean.json': '{ "model": "us.anthropic.claude-sonnet-4-6" }\n',
  });

/** The official SARIF 2.1.0 schema (oasis-tcs/sarif-spec), as shipped by the schemastore package. */
function sarifValidator() {
  const schemaPath = createRequire(import.meta.url).resolve('schemastore/schemas/json/sarif-2.1.0.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as { $id: string };
  expect(schema.$id).toBe('https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json');
  // The schema's language pattern is not valid in unicode mode.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///base/'));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return ajv.compile(schema);
}

describe('json format', () => {
  it('lists every finding with its file relative to the working directory, position, rule, severity, message and text', async () => {
    const { stdout, code } = await check(tree());
    expect(code).toBe(1);
    const findings = JSON.parse(stdout) as JsonFinding[];
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.severity}`)).toEqual([
      'config/models.yaml:1:9 require-inference-profile error',
      'config/models.yaml:1:9 no-legacy-model warning',
      'config/models.yaml:2:10 no-unknown-model error',
      `src/app.py:2:${'boto3.client("bedrock-runtime", region_name="eu-west-1").converse(modelId='.length + 1} require-inference-profile error`,
    ]);
    const python = findings[3]!;
    expect(Object.keys(python)).toEqual([
      'file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'severity', 'message', 'text', 'fix', 'suggestions', 'awsError',
    ]);
    // AWS's exact answer is in the output, not in the message.
    expect(python.awsError).toBe(
      `Invocation of model ID ${HAIKU_45} with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.`,
    );
    expect(python.message).not.toContain('Retry your request');
    expect('awsError' in findings[1]!).toBe(false);
    expect(python).toMatchObject({ endLine: 2, endColumn: python.column + HAIKU_45.length + 2, text: HAIKU_45, fix: { text: `eu.${HAIKU_45}` } });
    expect(python.suggestions?.map((s) => s.text)).toEqual([`eu.${HAIKU_45}`, `global.${HAIKU_45}`]);
    // No fix key where no fix is certain.
    expect('fix' in findings[1]!).toBe(false);
  });

  it('prints an empty array for a clean tree', async () => {
    const { stdout, code } = await check(tempTree({ 'a.py': 'x = "us.anthropic.claude-sonnet-4-6"\n' }));
    expect([code, JSON.parse(stdout)]).toEqual([0, []]);
  });
});

describe('stylish format', () => {
  it('groups findings by file, with a summary, and no colour unless asked', async () => {
    const { stdout } = await check(tree(), { format: 'stylish' });
    expect(stdout).not.toContain('\u001b[');
    const lines = stdout.split('\n');
    expect(lines.filter((l) => /^\S/.test(l) && !l.startsWith('✖'))).toEqual(['config/models.yaml', 'src/app.py']);
    expect(lines.find((l) => l.includes('2:10'))).toMatch(/^ {2}2:10 {2}error {4}'anthropic\.claude-sonet-4-6' .* {2}no-unknown-model$/);
    expect(stdout).toContain('✖ 4 problems (3 errors, 1 warning)');
    expect(stdout).toContain('1 problem fixable with the `--fix` option.');
  });

  it('colours on request (a colour terminal) and prints nothing when there is nothing to say', async () => {
    expect((await check(tree(), { format: 'stylish', color: true })).stdout).toContain('\u001b[31m');
    expect((await check(tempTree({ 'a.txt': SONNET_37 }), { format: 'stylish' })).stdout).toBe('');
  });
});

describe('stylish format on many findings', () => {
  it('aligns the columns of every row of a file, also for more rows than a spread call takes', () => {
    const count = 200_000;
    const findings: CheckFinding[] = Array.from({ length: count }, (_, i) => ({
      ruleId: 'no-legacy-model',
      severity: i % 2 ? 'error' : 'warning',
      message: `message ${i}`,
      line: i + 1,
      column: 7,
      endLine: i + 1,
      endColumn: 9,
      text: SONNET_37,
      fix: null,
      suggestions: [],
    }));
    const lines = formatStylish([{ path: '/p/a.yaml', file: 'a.yaml', findings }], false).split('\n');
    const rows = lines.filter((l) => l.startsWith('  ') && l.endsWith('no-legacy-model'));
    expect(rows).toHaveLength(count);
    // `200000:7` is the widest position, `warning` the widest severity: every message starts after both.
    expect(rows[0]).toBe(`  ${'1:7'.padEnd('200000:7'.length)}  warning  message 0  no-legacy-model`);
    expect(rows[count - 1]).toBe(`  200000:7  error    message ${count - 1}  no-legacy-model`);
    expect(lines).toContain(`✖ ${count} problems (${count / 2} errors, ${count / 2} warnings)`);
  });
});

describe('sarif format', () => {
  it('validates against the SARIF 2.1.0 schema and lists each rule with its documentation URL', async () => {
    const validate = sarifValidator();
    const { stdout } = await check(tree(), { format: 'sarif' });
    const log = JSON.parse(stdout) as Log;
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    // The validator does reject what is not SARIF 2.1.0.
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    expect(validate(JSON.parse(stdout.replace('"level": "warning"', '"level": "severe"')))).toBe(false);
    const run = log.runs[0]!;
    // The rules of `recommended` ran (no-unlisted-model is not among them).
    const ran = RULE_NAMES.filter((name) => name !== 'no-unlisted-model');
    expect(run.tool.driver.rules?.map((r) => [r.id, r.helpUri])).toEqual(ran.map((name) => [name, docsUrl(name)]));
    expect(run.results?.[2]?.properties).toEqual({ awsError: 'The provided model identifier is invalid.' });
    expect(run.results?.map((r) => [r.ruleId, r.level, run.tool.driver.rules![r.ruleIndex!]!.id])).toEqual([
      ['require-inference-profile', 'error', 'require-inference-profile'],
      ['no-legacy-model', 'warning', 'no-legacy-model'],
      ['no-unknown-model', 'error', 'no-unknown-model'],
      ['require-inference-profile', 'error', 'require-inference-profile'],
    ]);
    const location = run.results![3]!.locations![0]!.physicalLocation!;
    expect(location.artifactLocation).toEqual({ uri: 'src/app.py', uriBaseId: '%SRCROOT%' });
    expect(location.region).toMatchObject({ startLine: 2, endLine: 2 });
  });

  it('validates with no results, and lists only the rules that ran', async () => {
    const validate = sarifValidator();
    const { stdout } = await check(tempTree({ 'dir with space/a b.py': `m = "${SONNET_37}"\n` }), { format: 'sarif', only: ['no-legacy-model'] });
    const log = JSON.parse(stdout) as Log;
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0]!.tool.driver.rules?.map((r) => r.id)).toEqual(['no-legacy-model']);
    expect(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('dir%20with%20space/a%20b.py');
    const empty = JSON.parse((await check(tempTree({ 'a.py': '' }), { format: 'sarif' })).stdout) as Log;
    expect(validate(empty), JSON.stringify(validate.errors)).toBe(true);
    expect(empty.runs[0]!.results).toEqual([]);
  });
});
