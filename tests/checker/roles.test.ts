/**
 * What the code does with a string decides what is reported (issue: role-aware verdicts): sinks,
 * catalogs, look-ups, tests, regions stated through constants and environment fallbacks, templates,
 * and the files read for them (.properties, notebooks). On the bundled snapshot, so that real
 * models (Nova Pro, Claude Sonnet 4.6) behave as they do for users.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SNAPSHOT_PATH } from '../../src/registry/registry.js';
import { checkText, fixSummary } from './helpers.js';

const SONNET_46 = 'anthropic.claude-sonnet-4-6';
const HAIKU_45 = 'anthropic.claude-haiku-4-5-20251001-v1:0';
const NOVA_PRO = 'amazon.nova-pro-v1:0';
const check = async (name: string, lines: readonly string[]) => (await checkText(name, lines.join('\n'), { snapshot: DEFAULT_SNAPSHOT_PATH })).findings;
/** `line rule fix-value|-` of every finding. */
const fixes = async (name: string, lines: readonly string[]) =>
  (await check(name, lines)).map((f) => `${f.line} ${f.ruleId} ${f.fix ? f.fix.value : '-'}`);

describe('regions from constants and environment fallbacks give certain fixes', () => {
  it('JavaScript/TypeScript: a same-file constant, and process.env.AWS_REGION ?? default', async () => {
    expect(
      await fixes('a.ts', [
        "const REGION = 'eu-west-1';",
        'const client = new BedrockRuntimeClient({ region: REGION });',
        `await client.send(new ConverseCommand({ modelId: '${SONNET_46}', messages: [] }));`,
      ]),
    ).toEqual([`3 require-inference-profile eu.${SONNET_46}`]);
    expect(
      await fixes('b.ts', [
        "const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? 'ap-northeast-1' });",
        `await client.send(new ConverseCommand({ modelId: '${HAIKU_45}', messages: [] }));`,
      ]),
    ).toEqual([`2 require-inference-profile jp.${HAIKU_45}`]);
  });

  it('one region per client where a file builds several', async () => {
    expect(
      await fixes('c.ts', [
        "const eu = new BedrockRuntimeClient({ region: 'eu-west-1' });",
        "const jp = new BedrockRuntimeClient({ region: 'ap-northeast-1' });",
        `await eu.send(new ConverseCommand({ modelId: '${HAIKU_45}', messages: [] }));`,
        `await jp.send(new ConverseCommand({ modelId: '${HAIKU_45}', messages: [] }));`,
      ]),
    ).toEqual([`3 require-inference-profile eu.${HAIKU_45}`, `4 require-inference-profile jp.${HAIKU_45}`]);
  });

  it('Python: os.environ.get(..., default), os.getenv(..., default) and module constants', async () => {
    expect(
      await fixes('a.py', [
        'import boto3, os',
        'client = boto3.client("bedrock-runtime", region_name=os.environ.get("AWS_REGION", "ap-northeast-1"))',
        `client.converse(modelId="${HAIKU_45}", messages=[])`,
      ]),
    ).toEqual([`3 require-inference-profile jp.${HAIKU_45}`]);
    expect(
      await fixes('b.py', [
        'import boto3, os',
        'REGION = os.getenv("AWS_REGION", "eu-west-1")',
        'client = boto3.client("bedrock-runtime", region_name=REGION)',
        `client.converse(modelId="${SONNET_46}", messages=[])`,
      ]),
    ).toEqual([`4 require-inference-profile eu.${SONNET_46}`]);
  });
});

describe('with no region known', () => {
  it('Nova Pro (on demand in us-east-1) is not an error; Claude Sonnet 4.6 (profile-only where most code runs) is, without a fix', async () => {
    const findings = await fixes('a.py', [
      'import boto3',
      'client = boto3.client("bedrock-runtime")',
      `client.converse(modelId="${NOVA_PRO}", messages=[])`,
      `client.converse(modelId="${SONNET_46}", messages=[])`,
    ]);
    expect(findings).toEqual(['4 require-inference-profile -']);
  });
});

describe('catalogs, look-ups and tests stay quiet for the profile rules, and --fix never rewrites them', () => {
  it('TypeScript: a capability list, a price table, look-ups and a regex', async () => {
    const findings = await fixes('models.ts', [
      "const client = new BedrockRuntimeClient({ region: 'eu-west-1' });",
      `export const ONE_MILLION_CONTEXT = ['${SONNET_46}', '${HAIKU_45}'];`,
      `export const PRICES: Record<string, number> = { '${SONNET_46}': 3 };`,
      `const price = PRICES['${SONNET_46}'];`,
      `const known = new Map<string, number>().has('${HAIKU_45}');`,
      `const pattern = new RegExp('${HAIKU_45}');`,
      `if (modelId === '${SONNET_46}') retry();`,
    ]);
    expect(findings).toEqual([]);
  });

  it('Python and Go: subscripts, .get, re.compile, map indexes', async () => {
    expect(
      await fixes('prices.py', [
        'import re',
        `PRICES = {"${SONNET_46}": 3.0}`,
        `a = PRICES["${SONNET_46}"]`,
        `b = PRICES.get("${HAIKU_45}", 0)`,
        `c = re.compile("${HAIKU_45}")`,
        `d = "${SONNET_46}" in PRICES`,
      ]),
    ).toEqual([]);
    expect(
      await fixes('prices.go', [
        'package main',
        `var prices = map[string]float64{"${SONNET_46}": 3.0}`,
        `func price() float64 { return prices["${HAIKU_45}"] }`,
      ]),
    ).toEqual([]);
  });

  it('unit tests of ID helpers: by their path, and by their assertions', async () => {
    const test = [`expect(toBaseModelId('eu.${SONNET_46}')).toBe('${SONNET_46}');`, `const fixture = '${HAIKU_45}';`];
    expect(await fixes('src/__tests__/ids.test.ts', test)).toEqual([]);
    expect(await fixes('ids.ts', [test[0]!])).toEqual([]);
    expect(await fixes('test_ids.py', [`assert to_base("eu.${SONNET_46}") == "${SONNET_46}"`, `MODEL = "${HAIKU_45}"`])).toEqual([]);
  });
});

describe("Anthropic's own API names are reported exactly where they reach Bedrock", () => {
  it('bedrock(...) is reported in a file that also imports @ai-sdk/anthropic; anthropic(...) is not', async () => {
    const findings = await check('ai.ts', [
      "import { anthropic } from '@ai-sdk/anthropic';",
      "import { bedrock } from '@ai-sdk/amazon-bedrock';",
      "const a = anthropic('claude-3-5-sonnet-20240620');",
      "const b = bedrock('claude-3-5-sonnet-20240620');",
    ]);
    expect(findings.filter((f) => f.ruleId === 'no-unknown-model').map((f) => f.line)).toEqual([4]);
  });

  it('a Python file that sends the name to Anthropic stays quiet', async () => {
    expect(await fixes('direct.py', ['import anthropic', 'client = anthropic.Anthropic()', 'client.messages.create(model="claude-3-5-sonnet-20240620", max_tokens=10, messages=[])'])).toEqual([]);
  });
});

describe('templates', () => {
  it('judges the fixed model part of an ARN whose placeholders fill only the region or account', async () => {
    const findings = await check('arn.ts', ['const arn = `arn:aws:bedrock:${region}::foundation-model/anthropic.claude-instant-v1`;']);
    expect(findings.map((f) => [f.ruleId, f.text, f.fix])).toEqual([['no-end-of-life-model', 'arn:aws:bedrock:${region}::foundation-model/anthropic.claude-instant-v1', null]]);
    const python = await check('arn.py', ['arn = f"arn:aws:bedrock:{region}:{account}:inference-profile/apac.anthropic.claude-3-haiku-20240307-v1:0"']);
    expect(python.map((f) => f.ruleId)).toContain('no-end-of-life-model');
  });

  it('a region where the geography goes is always wrong, in JavaScript, Python and shell', async () => {
    for (const [name, line] of [
      ['a.ts', `const id = \`\${process.env.AWS_REGION}.${SONNET_46}\`;`],
      ['a.py', `model_id = f"{os.environ['AWS_REGION']}.${SONNET_46}"`],
      ['a.sh', `MODEL_ID="\${AWS_REGION}.${SONNET_46}"`],
    ] as const) {
      const findings = await check(name, [line]);
      expect(findings.map((f) => [f.ruleId, f.fix]), name).toEqual([['valid-inference-profile', null]]);
      expect(findings[0]!.message, name).toContain('puts a region where a profile');
    }
  });
});

describe('more files: .properties and notebooks', () => {
  it('reads Spring AI properties, with the region they state', async () => {
    expect(
      await fixes('application.properties', [
        '# Spring AI',
        'spring.ai.bedrock.aws.region=eu-west-1',
        `spring.ai.bedrock.converse.chat.options.model=${SONNET_46}`,
      ]),
    ).toEqual([`3 require-inference-profile eu.${SONNET_46}`]);
  });

  it("reads a notebook's code cells as Python and reports positions in the notebook", async () => {
    const notebook = JSON.stringify(
      {
        cells: [
          { cell_type: 'markdown', source: [`Calls ${SONNET_46}.`] },
          { cell_type: 'code', source: ['import boto3\n', 'client = boto3.client("bedrock-runtime", region_name="eu-west-1")\n', `client.converse(modelId="${SONNET_46}", messages=[])`] },
        ],
        metadata: { kernelspec: { language: 'python' } },
        nbformat: 4,
      },
      null,
      1,
    );
    const findings = (await checkText('a.ipynb', notebook, { snapshot: DEFAULT_SNAPSHOT_PATH })).findings;
    expect(fixSummary(findings)).toEqual([`${notebook.split('\n').findIndex((l) => l.includes('client.converse')) + 1} require-inference-profile fix`]);
    const fix = findings[0]!.fix!;
    const fixed = notebook.slice(0, fix.start) + fix.text + notebook.slice(fix.end);
    expect(JSON.parse(fixed).cells[1].source[2]).toBe(`client.converse(modelId="eu.${SONNET_46}", messages=[])`);
  });
});

describe('found by auditing public code', () => {
  it('the default of os.environ.get is a value, its key a look-up', async () => {
    expect(await fixes('settings.py', ['import os', 'MODEL_ID = os.environ.get("MODEL_ID", "anthropic.claude-3-5-sonnet-20241022-v2:0")'])).toEqual([
      '2 no-end-of-life-model -',
    ]);
  });

  it("a model past end of life is no-end-of-life-model's alone: no profile of it answers either", async () => {
    expect((await check('old.py', ['MODEL_ID = "anthropic.claude-3-5-sonnet-20241022-v2:0"'])).map((f) => f.ruleId)).toEqual(['no-end-of-life-model']);
  });

  it("LiteLLM's model_info.base_model only picks a price entry", async () => {
    expect(
      await fixes('config.yaml', ['model_list:', '  - model_name: fast', '    model_info:', `      base_model: ${HAIKU_45}`]),
    ).toEqual([]);
  });
});

describe('the linear scanner', () => {
  it("reads Java's Region.EU_WEST_1 and Region.of(...) as the region", async () => {
    for (const region of ['Region.EU_WEST_1', 'Region.of("eu-west-1")']) {
      expect(
        await fixes('Chat.java', [
          `BedrockRuntimeClient client = BedrockRuntimeClient.builder().region(${region}).build();`,
          `client.converse(r -> r.modelId("${SONNET_46}"));`,
        ]),
      ).toEqual([`2 require-inference-profile eu.${SONNET_46}`]);
    }
  });

  it('treats assertion arguments as a test: assertEquals, RSpec matchers', async () => {
    expect(await fixes('Ids.java', [`assertEquals("${SONNET_46}", Ids.base("eu.${SONNET_46}"));`])).toEqual([]);
    expect(await fixes('ids.rb', [`expect(ids).to contain_exactly("${SONNET_46}")`])).toEqual([]);
  });
});
