import { describe, expect, it } from 'vitest';
import { checkText, HAIKU_45, ofRule, SONNET_37, SONNET_45, summary } from './helpers.js';

describe('Python', () => {
  it('reports a bare profile-only ID in the region of the boto3 client, with the position of the literal and the fix', async () => {
    const code = [
      'import boto3',
      '',
      'client = boto3.client("bedrock-runtime", region_name="eu-west-1")',
      `response = client.converse(modelId="${SONNET_45}", messages=[])`,
    ].join('\n');
    const { findings, fallback } = await checkText('app.py', code);
    expect(fallback).toBeNull();
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({
      ruleId: 'require-inference-profile',
      severity: 'error',
      line: 4,
      column: 36,
      endLine: 4,
      endColumn: 36 + SONNET_45.length + 2,
      text: SONNET_45,
      fix: { text: `eu.${SONNET_45}` },
    });
    expect(finding!.message).toContain('in eu-west-1');
    expect(code.slice(finding!.fix!.start, finding!.fix!.end)).toBe(SONNET_45);
  });

  it('skips comments, docstrings, f-strings with placeholders and joined strings; dictionary keys are a catalog', async () => {
    const code = [
      'import boto3',
      `"""Module docstring: ${SONNET_37} is legacy."""`,
      `# model_id = "${SONNET_37}"`,
      `PRICES = {"${SONNET_37}": 0.003, "${HAIKU_45}": 0.001}`,
      'def f(geo, name):',
      `    """Call ${SONNET_37}."""`,
      '    a = f"{geo}.anthropic.claude-3-7-sonnet-20250219-v1:0"',
      '    b = "us." + name',
      '    c = ("anthropic.claude-3-7-" "sonnet-20250219-v1:0")',
      '    return a, b, c',
    ].join('\n');
    const { findings } = await checkText('skip.py', code);
    // Only the price table's keys, for their lifecycle (a catalog is never rewritten).
    expect(findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.fix ? 'fix' : '-'}`)).toEqual(['4:11 no-legacy-model -']);
  });

  it('reads the region from region_name=, aws_region_name= and region assignments; --region overrides', async () => {
    const litellm = `import litellm\nlitellm.completion(model="bedrock/${HAIKU_45}", aws_region_name="ap-northeast-1")`;
    const [fromLitellm] = ofRule((await checkText('a.py', litellm)).findings, 'require-inference-profile');
    expect(fromLitellm?.fix?.text).toBe(`bedrock/jp.${HAIKU_45}`);

    const assigned = `REGION = "us-west-2"\nMODEL_ID = "${HAIKU_45}"`;
    const [fromAssignment] = ofRule((await checkText('b.py', assigned)).findings, 'require-inference-profile');
    expect(fromAssignment?.fix?.text).toBe(`us.${HAIKU_45}`);

    const [overridden] = ofRule((await checkText('b.py', assigned, { regions: ['eu-west-2'] })).findings, 'require-inference-profile');
    expect(overridden?.fix?.text).toBe(`eu.${HAIKU_45}`);
  });

  it('judges profile IDs against the region', async () => {
    const code = `import boto3\nboto3.client("bedrock-runtime", region_name="eu-west-1").converse(modelId="us.${SONNET_45}")`;
    const { findings } = await checkText('c.py', code);
    expect(summary(findings)).toEqual(['2:75 valid-inference-profile']);
    expect(findings[0]!.fix?.text).toBe(`eu.${SONNET_45}`);
  });

  it('stays quiet on IAM resources and foundation-model lookups, but still reports lifecycle there', async () => {
    const code = [
      'import boto3',
      'bedrock = boto3.client("bedrock", region_name="eu-west-1")',
      `bedrock.get_foundation_model(modelIdentifier="${SONNET_37}")`,
      `policy = {"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": ["${SONNET_45}"]}`,
    ].join('\n');
    const { findings } = await checkText('iam.py', code);
    expect(summary(findings)).toEqual(['3:46 no-legacy-model']);
  });

  it("reports Anthropic's first-party names only in files that use Bedrock and not Anthropic's SDK", async () => {
    const bedrock = 'import boto3\nclient = boto3.client("bedrock-runtime")\nclient.converse(modelId="claude-sonnet-4-5-20250929")';
    expect(summary((await checkText('fp.py', bedrock)).findings)).toEqual(['3:25 no-unknown-model']);
    const anthropic = 'import anthropic\nanthropic.Anthropic().messages.create(model="claude-sonnet-4-5-20250929")';
    expect((await checkText('fp2.py', anthropic)).findings).toEqual([]);
  });

  it('skips bytes and escaped strings, and type annotations', async () => {
    const code = [
      'from typing import Literal',
      `ModelId = Literal["${SONNET_37}"]`,
      `x = b"${SONNET_37}"`,
      `y = "anthropic.claude-3-7-sonnet-20250219-v1:0\\n"`,
    ].join('\n');
    expect((await checkText('t.py', code)).findings).toEqual([]);
  });

  it('compares without invoking: look-up keys of ==, !=, in and case patterns get no verdict and no fix', async () => {
    const code = [
      'import boto3',
      'client = boto3.client("bedrock-runtime", region_name="eu-west-1")',
      'def pick(model_id):',
      `    if model_id == "${SONNET_45}":`,
      `        return "${SONNET_37}" != model_id`,
      `    if model_id in ("${HAIKU_45}", "us.${SONNET_45}") or model_id not in ["${SONNET_45}"]:`,
      '        return 1',
      '    match model_id:',
      `        case "${SONNET_45}" | "${HAIKU_45}":`,
      '            return 2',
      `        case Model(id="${SONNET_37}"):`,
      '            return 3',
    ].join('\n');
    const { findings } = await checkText('compare.py', code);
    expect(findings).toEqual([]);
  });

  it('does not judge pieces of IDs searched for with startswith, endswith, find and friends', async () => {
    const code = [
      'def family(m):',
      '    if m.startswith("anthropic.claude-3") or m.endswith(("-v1:0", "anthropic.claude-3-7-sonnet-20250219-v1:0")):',
      `        return m.find("${SONNET_37}"), m.replace("${SONNET_37}", "x")`,
      `    return "${SONNET_37}"`,
    ].join('\n');
    const { findings } = await checkText('search.py', code);
    expect(findings.map((f) => `${f.line} ${f.ruleId}`)).toEqual(['4 require-inference-profile', '4 no-legacy-model']);
  });
});
