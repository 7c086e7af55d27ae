/**
 * Inline suppressions in every language the checker reads: `bedrock-lint-disable-next-line`,
 * `-disable-line`, `-disable`/`-enable` blocks in each language's comment syntax, found by the
 * linear comment finder (src/core/comments.ts); unused ones reported on request; suppressed
 * findings marked in SARIF.
 */
import { describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import { directiveComments } from '../../src/core/comments.js';
import type { Language } from '../../src/readers/languages.js';
import type { JsonFinding } from '../../src/checker/formats/json.js';
import { check, checkText, HAIKU_45, summary, tempTree } from './helpers.js';

const LEGACY = 'anthropic.claude-3-7-sonnet-20250219-v1:0';

/** Lines of `text` with a finding of `rule`. */
async function linesOf(name: string, text: string, rule = 'no-legacy-model'): Promise<number[]> {
  const { findings } = await checkText(name, text);
  return findings.filter((f) => f.ruleId === rule).map((f) => f.line);
}

describe('each language, in its comment syntax', () => {
  it('# bedrock-lint-disable-next-line no-legacy-model in Python silences exactly the next line', async () => {
    const text = [
      `a = "${LEGACY}"`,
      '# bedrock-lint-disable-next-line no-legacy-model -- migrating in JIRA-1',
      `b = "${LEGACY}"`,
      `c = "${LEGACY}"`,
    ].join('\n');
    expect(await linesOf('app.py', text)).toEqual([1, 4]);
    // Other rules on that line are not silenced.
    expect((await linesOf('app.py', text, 'require-inference-profile')).includes(3)).toBe(true);
  });

  it('# bedrock-lint-disable-next-line no-legacy-model in YAML silences exactly the next line', async () => {
    const text = [`a: ${LEGACY}`, '  # bedrock-lint-disable-next-line no-legacy-model', `b: ${LEGACY}`, `c: ${LEGACY}`].join('\n');
    expect(await linesOf('models.yaml', text)).toEqual([1, 4]);
  });

  it('// bedrock-lint-disable-line in Go silences exactly its line, every rule', async () => {
    const text = [
      'package main',
      `var a = "${LEGACY}"`,
      `var b = "${LEGACY}" // bedrock-lint-disable-line`,
      `var c = "${LEGACY}"`,
    ].join('\n');
    const { findings } = await checkText('main.go', text);
    expect([...new Set(findings.map((f) => f.line))]).toEqual([2, 4]);
  });

  it.each<[string, string[]]>([
    ['app.rb', [`a = "${LEGACY}"`, `b = "${LEGACY}" # bedrock-lint-disable-line no-legacy-model`]],
    ['Main.java', [`String a = "${LEGACY}";`, `String b = "${LEGACY}"; /* bedrock-lint-disable-line no-legacy-model */`]],
    ['main.tf', [`a = "${LEGACY}"`, `b = "${LEGACY}" // bedrock-lint-disable-line aws-bedrock/no-legacy-model`]],
    ['pyproject.toml', [`a = "${LEGACY}"`, `b = "${LEGACY}" # bedrock-lint-disable-line no-legacy-model`]],
    ['.env', [`A=${LEGACY}`, `B=${LEGACY} # bedrock-lint-disable-line no-legacy-model`]],
    ['models.jsonc', [`{ "a": "${LEGACY}",`, `  "b": "${LEGACY}" // bedrock-lint-disable-line no-legacy-model`, '}']],
  ])('%s: disable-line', async (name, lines) => {
    expect(await linesOf(name, lines.join('\n'))).toEqual([1]);
  });

  it('blocks: bedrock-lint-disable ... bedrock-lint-enable, per rule or for all', async () => {
    const text = [
      `a: ${LEGACY}`,
      '# bedrock-lint-disable no-legacy-model',
      `b: ${LEGACY}`,
      '# bedrock-lint-enable no-legacy-model',
      `c: ${LEGACY}`,
      '# bedrock-lint-disable',
      `d: ${LEGACY}`,
    ].join('\n');
    expect(await linesOf('models.yaml', text)).toEqual([1, 5]);
    expect(await linesOf('models.yaml', text, 'require-inference-profile')).toEqual([1, 3, 5]);
  });

  it('a directive is a comment: the word in a string or in prose after other words is not one', async () => {
    const text = [
      `a = "${LEGACY}"  # see bedrock-lint-disable-line for how to silence it`,
      `b = "${LEGACY}"  # keep; not a bedrock-lint-disable-next-line`,
      `c = "${LEGACY}"`,
    ].join('\n');
    expect(await linesOf('app.py', text)).toEqual([1, 2, 3]);
  });

  it('JavaScript that does not parse keeps its directives, both families', async () => {
    const text = [
      `const a = "${LEGACY}"; // eslint-disable-line aws-bedrock/no-legacy-model`,
      `const b = "${LEGACY}"; /* bedrock-lint-disable-line no-legacy-model */`,
      `const c = "${LEGACY}";`,
      'const = ;',
    ].join('\n');
    const result = await checkText('broken.js', text);
    expect(result.fallback).not.toBeNull();
    expect(result.findings.filter((f) => f.ruleId === 'no-legacy-model').map((f) => f.line)).toEqual([3]);
  });
});

describe('the comment finder', () => {
  const lineOf = (text: string) => (offset: number) => text.slice(0, offset).split('\n').length;
  const find = (text: string, language: Language) => directiveComments(text, language, lineOf(text));

  it('takes the text after the marker to the end of the line, or to the close of a block, with its lines', () => {
    const text = 'x = 1 # bedrock-lint-disable-line a -- why\r\n/* bedrock-lint-disable-next-line b\n   -- long reason */\ny';
    expect(find(text, 'hcl')).toEqual([
      { text: ' bedrock-lint-disable-line a -- why', line: 1, endLine: 1 },
      { text: ' bedrock-lint-disable-next-line b\n   -- long reason ', line: 2, endLine: 3 },
    ]);
  });

  it('knows only the markers of the language: `//` is no comment in Python, `#` none in Go', () => {
    expect(find('x = 1 // bedrock-lint-disable-line', 'python')).toEqual([]);
    expect(find('x := 1 # bedrock-lint-disable-line', 'go')).toEqual([]);
    expect(find('x := 1 // bedrock-lint-disable-line', 'go')).toHaveLength(1);
    // ESLint's family only where ESLint reads the file.
    expect(find('x = 1 # eslint-disable-line', 'python')).toEqual([]);
    expect(find('x = 1 // eslint-disable-line', 'javascript')).toHaveLength(1);
  });

  it('reads many directives in one unclosed block, or on one line, each once', () => {
    const many = '/* bedrock-lint-disable '.repeat(2000);
    const found = find(many, 'c-text');
    expect(found).toHaveLength(2000);
    expect(found.every((c) => c.line === 1 && c.endLine === 1)).toBe(true);
    expect(find('# bedrock-lint-disable-line '.repeat(2000), 'python')).toHaveLength(2000);
  });
});

describe('--report-unused-disable-directives', () => {
  it('reports directives that silence nothing, as errors, and not those that do', async () => {
    const root = tempTree({
      'app.py': [
        `a = "${LEGACY}"  # bedrock-lint-disable-line no-legacy-model, require-inference-profile`,
        'b = 1  # bedrock-lint-disable-line no-legacy-model',
        '# bedrock-lint-disable-next-line',
        'c = 2',
      ].join('\n'),
      'clean.sh': 'echo hi # bedrock-lint-disable-line\n',
    });
    const quiet = await check(root);
    expect(JSON.parse(quiet.stdout)).toEqual([]);
    const { stdout, code } = await check(root, { reportUnusedDisableDirectives: true });
    expect(code).toBe(1);
    const findings = JSON.parse(stdout) as JsonFinding[];
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.severity}`)).toEqual([
      'app.py:2:10 unused-disable-directive error',
      'app.py:3:3 unused-disable-directive error',
      'clean.sh:1:11 unused-disable-directive error',
    ]);
    expect(findings[0]?.message).toBe(
      "This bedrock-lint-disable-line directive silences nothing on line 2 (no 'no-legacy-model' finding there); remove it.",
    );
  });

  it('leaves out directives for rules that did not run', async () => {
    const root = tempTree({ 'app.py': 'b = 1  # bedrock-lint-disable-line no-legacy-model\n' });
    expect(JSON.parse((await check(root, { reportUnusedDisableDirectives: true, only: ['no-unknown-model'] })).stdout)).toEqual([]);
  });
});

describe('SARIF', () => {
  it('keeps suppressed findings, marked inSource with the reason as justification; they do not fail the run', async () => {
    const root = tempTree({
      'app.py': [
        'import boto3',
        'boto3.client("bedrock-runtime", region_name="us-east-1")',
        `a = "us.${LEGACY}"  # bedrock-lint-disable-line no-legacy-model -- retiring with the v1 API`,
        `b = "us.${HAIKU_45}"`,
      ].join('\n'),
    });
    const { stdout, code } = await check(root, { format: 'sarif' });
    expect(code).toBe(0);
    const [run] = (JSON.parse(stdout) as Log).runs;
    expect(run?.results?.map((r) => [r.ruleId, r.locations?.[0]?.physicalLocation?.region?.startLine, r.suppressions])).toEqual([
      ['no-legacy-model', 3, [{ kind: 'inSource', justification: 'retiring with the v1 API' }]],
    ]);
    // Not in the other formats, nor counted.
    expect(JSON.parse((await check(root)).stdout)).toEqual([]);
    expect(summary((await checkText('app.py', `a = "us.${LEGACY}"`)).findings)).toEqual(['1:5 no-legacy-model']);
  });
});
