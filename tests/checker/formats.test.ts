import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import { unlinkSync } from 'node:fs';
import { jsonWriter, toJsonFindings, type JsonFinding } from '../../src/checker/formats/json.js';
import { formatSarif, sarifWriter } from '../../src/checker/formats/sarif.js';
import { formatStylish, stylishWriter } from '../../src/checker/formats/stylish.js';
import type { Note, ReportWriter, Write } from '../../src/checker/formats/writer.js';
import type { CheckFinding, FileReport } from '../../src/checker/types.js';
import { activeRules, RULE_NAMES } from '../../src/core/rules.js';
import { docsUrl } from '../../src/core/docs-url.js';
import { runCheck } from '../../src/checker/check.js';
import { check, checkOptions, HAIKU_45, SONNET_37, tempTree } from './helpers.js';

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

  it('validates with suppressed results (inline and bulk) and with findings about directives, which have no rule index', async () => {
    const validate = sarifValidator();
    const root = tempTree({
      'a.yaml': `one: ${SONNET_37} # bedrock-lint-disable-line -- kept until the migration\nother: ai21.j2-ultra-v1\nnothing: 1 # bedrock-lint-disable-line\n`,
    });
    await check(root, { bulk: { suppressRules: ['no-end-of-life-model'] } });
    const { stdout } = await check(root, { format: 'sarif', bulk: {}, reportUnusedDisableDirectives: true });
    const log = JSON.parse(stdout) as Log;
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const results = log.runs[0]!.results!;
    expect(results.map((r) => [r.ruleId, r.suppressions?.map((s) => s.kind) ?? null, 'ruleIndex' in r])).toEqual([
      ['unused-disable-directive', null, false],
      ['require-inference-profile', ['inSource'], true],
      ['no-legacy-model', ['inSource'], true],
      ['no-end-of-life-model', ['external'], true],
    ]);
    expect(results[1]!.suppressions).toEqual([{ kind: 'inSource', justification: 'kept until the migration' }]);
  });
});

describe('every format streams', () => {
  /** `files` files of `each` findings, with fixes and suggestions on every other one. */
  const reports = (files: number, each: number): FileReport[] =>
    Array.from({ length: files }, (_, f) => ({
      path: `/p/f${f}.yaml`,
      file: `dir/f${f}.yaml`,
      findings: Array.from({ length: each }, (_, i): CheckFinding => ({
        ruleId: 'require-inference-profile',
        severity: i % 3 ? 'error' : 'warning',
        message: `'${HAIKU_45}' cannot be invoked on demand (${f}:${i}).`,
        line: i + 1,
        column: 3,
        endLine: i + 1,
        endColumn: 3 + HAIKU_45.length,
        text: HAIKU_45,
        fix: i % 2 ? { start: 0, end: 1, text: `us.${HAIKU_45}`, value: `us.${HAIKU_45}` } : null,
        suggestions: i % 2 ? [{ message: 'Use the us profile.', text: `us.${HAIKU_45}` }] : [],
      })),
    }));
  const notes: Note[] = [{ file: 'gone.yaml', level: 'warning', message: 'skipped gone.yaml: it no longer exists (ENOENT).' }];
  const sarifOptions = { cwd: '/p', version: '0.0.0-test', rules: activeRules() };

  /** Writes `input` through a writer; returns every write. */
  async function stream(make: (write: Write) => ReportWriter, input: readonly FileReport[], withNotes: readonly Note[] = []): Promise<string[]> {
    const writes: string[] = [];
    const writer = make((text) => {
      writes.push(text);
      // A full buffer: the writer must wait for it to drain.
      return writes.length % 7 ? undefined : new Promise((resolve) => setImmediate(resolve));
    });
    for (const report of input) await writer.file(report);
    await writer.end(withNotes);
    return writes;
  }

  it('writes a report of 100,000 findings in pieces of about 64 KiB, never as one string', async () => {
    const input = reports(4, 25_000);
    for (const make of [jsonWriter, (write: Write) => sarifWriter(write, sarifOptions), (write: Write) => stylishWriter(write, false)]) {
      const writes = await stream(make, input);
      expect(writes.length).toBeGreaterThan(100);
      expect(Math.max(...writes.map((w) => w.length))).toBeLessThan(70 * 1024);
    }
  });

  it('writes exactly what the one-string formats print', async () => {
    const input = [...reports(2, 3), { path: '/p/clean.yaml', file: 'clean.yaml', findings: [] }, ...reports(1, 2)];
    const json = (await stream(jsonWriter, input)).join('');
    expect(json).toBe(`${JSON.stringify(toJsonFindings(input), null, 2)}\n`);
    expect((await stream(jsonWriter, [])).join('')).toBe('[]\n');
    const sarif = (await stream((write) => sarifWriter(write, sarifOptions), input, notes)).join('');
    expect(sarif).toBe(formatSarif(input, sarifOptions, notes));
    expect((await stream((write) => sarifWriter(write, sarifOptions), [])).join('')).toBe(formatSarif([], sarifOptions));
    expect((await stream((write) => stylishWriter(write, true), input)).join('')).toBe(formatStylish(input, true));
    expect((await stream((write) => stylishWriter(write, false), [])).join('')).toBe('');
  });

  it('validates as SARIF with tool execution notifications', async () => {
    const validate = sarifValidator();
    const log = JSON.parse(formatSarif(reports(1, 2), sarifOptions, notes)) as Log;
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0]!.invocations![0]!.toolExecutionNotifications?.map((n) => [n.level, n.message.text])).toEqual([
      ['warning', 'skipped gone.yaml: it no longer exists (ENOENT).'],
    ]);
  });

  it('prints through bedrock-lint check a file at a time', async () => {
    const files = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`f${i}.yaml`, `a: ${SONNET_37}\nb: ${SONNET_37}\n`]));
    const writes: string[] = [];
    await runCheck(
      { ...checkOptions(tempTree(files)), format: 'sarif' },
      { out: (text) => void writes.push(text), err: () => undefined },
    );
    // The head and the first file, then a write per file, then the tail.
    expect(writes).toHaveLength(6);
    expect((JSON.parse(writes.join('')) as Log).runs[0]!.results).toHaveLength(5 * 4);
  });
});

describe('control characters in file names and messages', () => {
  const EVIL = 'a\u001b[2J\u001b]0;owned\u0007\n::error file=app.py,line=1::injected\u0085.yaml';

  it('are escaped in stylish output and in the notes on stderr', async () => {
    const root = tempTree({ [EVIL]: `m: ${SONNET_37}\n`, 'gone.yaml': `m: ${SONNET_37}\n` });
    const { stdout, stderr } = await check(root, {
      format: 'stylish',
      hooks: { beforeRead: (path) => path.endsWith('gone.yaml') && unlinkSync(path) },
    });
    const shown = 'a\\x1b[2J\\x1b]0;owned\\x07\\n::error file=app.py,line=1::injected\\x85.yaml';
    for (const text of [stdout, stderr]) {
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(text.split('\n').some((line) => line.startsWith('::'))).toBe(false);
    }
    expect(stdout.split('\n')).toContain(shown);
    // JSON keeps the real name, escaped as JSON escapes it.
    const json = JSON.parse((await check(root)).stdout) as JsonFinding[];
    expect(json.map((f) => f.file)).toContain(EVIL);
  });
});
