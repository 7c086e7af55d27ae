import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIALECTS, scanText } from '../../src/readers/text.js';
import { checkText, columnOf, fixSummary, HAIKU_45, SONNET_37, SONNET_45, summary } from './helpers.js';

describe('.env files', () => {
  it('reads KEY=value (quoted or not), AWS_REGION and AWS_DEFAULT_REGION, and skips comments', async () => {
    const code = [
      `# BEDROCK_MODEL=${SONNET_37}`,
      'AWS_DEFAULT_REGION=eu-central-1',
      `BEDROCK_MODEL=${HAIKU_45} # ${SONNET_37}`,
      `export FALLBACK_MODEL="${SONNET_45}"`,
    ].join('\n');
    const { findings } = await checkText('.env', code);
    expect(summary(findings)).toEqual(['3:15 require-inference-profile', '4:23 require-inference-profile']);
    expect(findings[0]).toMatchObject({ endColumn: 15 + HAIKU_45.length, text: HAIKU_45, fix: { text: `eu.${HAIKU_45}` } });
    expect(findings[1]).toMatchObject({ endColumn: 23 + SONNET_45.length + 2, fix: { text: `eu.${SONNET_45}` } });
  });

  it('treats .env.* and *.env files alike', async () => {
    for (const name of ['.env.production', 'bedrock.env']) {
      const { findings } = await checkText(name, 'AWS_REGION=us-west-2\nMODEL=ai21.j2-ultra-v1\n');
      expect(summary(findings)).toEqual(['2:7 no-end-of-life-model']);
    }
  });
});

describe('Dockerfiles and shell scripts', () => {
  it('reads ENV in both forms and skips comment lines', async () => {
    const code = ['FROM python:3.12-slim', `# ENV MODEL=${SONNET_37}`, 'ENV AWS_REGION us-east-1', `ENV MODEL_ID=${HAIKU_45} OTHER=x`, 'CMD ["python", "app.py"]'].join('\n');
    const { findings } = await checkText('Dockerfile', code);
    expect(summary(findings)).toEqual(['4:14 require-inference-profile']);
    expect(findings[0]!.fix?.text).toBe(`us.${HAIKU_45}`);
  });

  it('reads --region and unquoted --model-id arguments of the AWS CLI', async () => {
    const code = [
      '#!/bin/sh',
      `# aws bedrock-runtime converse --model-id ${SONNET_37}`,
      'aws bedrock-runtime converse \\',
      `  --model-id ${HAIKU_45} \\`,
      "  --region ap-northeast-1 --messages '[{\"role\":\"user\"}]'",
      // An apostrophe opens a quote that ends with its line; the next line is read normally.
      `echo don't use ${SONNET_37}`,
      `MODEL=ai21.j2-ultra-v1`,
    ].join('\n');
    const { findings } = await checkText('invoke.sh', code);
    expect(summary(findings)).toEqual([`4:${columnOf(code, 4, HAIKU_45)} require-inference-profile`, '7:7 no-end-of-life-model']);
    expect(findings[0]!.fix?.text).toBe(`jp.${HAIKU_45}`);
  });
});

describe('Ruby and Rust', () => {
  it('Ruby: reads region: and skips # comments and hash keys', async () => {
    const code = [
      "require 'aws-sdk-bedrockruntime'",
      `# model_id: '${SONNET_37}'`,
      "client = Aws::BedrockRuntime::Client.new(region: 'eu-west-2')",
      `PRICES = { '${SONNET_37}' => 3.0 }`,
      `client.converse(model_id: '${SONNET_45}', messages: [])`,
    ].join('\n');
    const { findings } = await checkText('app.rb', code);
    expect(summary(findings)).toEqual([`5:${columnOf(code, 5, `'${SONNET_45}'`)} require-inference-profile`]);
    expect(findings[0]!.fix?.text).toBe(`eu.${SONNET_45}`);
  });

  it('Rust: reads Region::new("...") and skips // and /* */ comments', async () => {
    const code = [
      'let config = aws_config::defaults(BehaviorVersion::latest())',
      '    .region(Region::new("us-east-1")).load().await;',
      `// .model_id("${SONNET_37}")`,
      `/* "${SONNET_37}" */`,
      `let out = client.converse().model_id("${SONNET_45}").send().await?;`,
      "fn f<'a>(x: &'a str) {}",
    ].join('\n');
    const { findings } = await checkText('main.rs', code);
    expect(summary(findings)).toEqual([`5:${columnOf(code, 5, `"${SONNET_45}"`)} require-inference-profile`]);
    expect(findings[0]!.fix?.text).toBe(`us.${SONNET_45}`);
  });
});

describe('comparisons and string searches in the linear scanner', () => {
  it('Ruby: == operands, when and eql? name a model without invoking it; start_with? and include? arguments are not judged', async () => {
    const code = [
      "client = Aws::BedrockRuntime::Client.new(region: 'eu-west-2')",
      `return 1 if model_id == '${SONNET_45}' || '${HAIKU_45}' != model_id || model_id.eql?('${HAIKU_45}')`,
      'case model_id',
      `when '${SONNET_37}' then 2`,
      'end',
      `return 3 if model_id.start_with?('anthropic.claude-3') || model_id.include?("${SONNET_37}") || model_id.end_with? '${SONNET_37}'`,
      `client.converse(model_id: '${SONNET_45}')`,
    ].join('\n');
    expect(fixSummary((await checkText('pick.rb', code)).findings)).toEqual(['7 require-inference-profile fix']);
  });

  it('shell: [[ $x == "..." ]], [ "$x" = ... ] and != operands name a model without invoking it', async () => {
    const code = [
      'AWS_REGION=eu-west-2',
      `if [[ $MODEL_ID == "${SONNET_45}" ]] || [[ "${HAIKU_45}" == "$MODEL_ID" ]]; then exit 0; fi`,
      `if [ "$MODEL_ID" = ${HAIKU_45} ] || [ "$MODEL_ID" != '${SONNET_37}' ]; then exit 1; fi`,
      `aws bedrock-runtime converse --model-id ${SONNET_45}`,
    ].join('\n');
    expect(fixSummary((await checkText('pick.sh', code)).findings)).toEqual(['4 require-inference-profile fix']);
  });

  it('C-family text: == and != (also === and !==) operands, equals(...) and starts_with/contains arguments', async () => {
    const code = [
      'let config = aws_config::from_env().region(Region::new("eu-west-2")).load().await;',
      `if id == "${SONNET_45}" || "${HAIKU_45}" != id || id.equals("${SONNET_45}") { return; }`,
      `if id.starts_with("anthropic.claude-3") || id.contains("${SONNET_37}") { return; }`,
      `let model = "${SONNET_45}";`,
    ].join('\n');
    expect(summary((await checkText('pick.rs', code)).findings)).toEqual([`4:${columnOf(code, 4, '"')} require-inference-profile`]);
    // The text fallback of a JavaScript file ESLint cannot parse.
    const js = `const a = ;\nif (id === '${SONNET_45}' || '${HAIKU_45}' !== id || id.startsWith('${SONNET_37}')) {}\n`;
    const { findings, fallback } = await checkText('pick.js', js, { regions: ['eu-west-2'] });
    expect(fallback).toMatch(/it does not parse/);
    expect(findings).toEqual([]);
  });
});

describe('the linear scanner on odd input', () => {
  it('never throws, and every candidate is a slice of the input at its stated place', () => {
    const pieces = fc.constantFrom('"', "'", '`', '\\', '#', '//', '/*', '*/', '\n', ' ', '=', ':', '=>', '+', 'anthropic.', 'claude-', 'x', '\uFFFD', '\0', 'region=', 'é');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 200 }), fc.constantFrom(...Object.keys(DIALECTS)), (parts, language) => {
        const text = parts.join('');
        const scan = scanText(text, DIALECTS[language as keyof typeof DIALECTS]);
        for (const candidate of scan.candidates) {
          expect(candidate.start).toBeGreaterThanOrEqual(0);
          expect(candidate.end).toBeLessThanOrEqual(text.length);
          expect(text.startsWith(candidate.text, candidate.fix!.start)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finishes on a large pathological input (unterminated quotes, backslashes, no newlines)', () => {
    const text = `"${'\\"'.repeat(200_000)}${"'".repeat(200_000)}${'anthropic.'.repeat(50_000)}`;
    for (const dialect of Object.values(DIALECTS)) expect(scanText(text, dialect).candidates.length).toBeLessThanOrEqual(1);
  });

  it('checks files with invalid UTF-8 and NUL-free binary-looking text without crashing, in every language', async () => {
    const garbage = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]).toString('utf8');
    for (const name of ['a.py', 'a.go', 'a.toml', 'a.tf', 'a.yaml', 'a.json', 'a.ts', 'a.sh', 'a.rb', 'a.rs']) {
      const assignment = name.endsWith('.yaml') ? 'x: "ai21.j2-ultra-v1"' : name.endsWith('.sh') ? 'x="ai21.j2-ultra-v1"' : 'x = "ai21.j2-ultra-v1"';
      const { findings } = await checkText(name, `${garbage}\n${assignment}\n${garbage}\n`);
      expect([name, ...findings.map((f) => `${f.line} ${f.ruleId}`)]).toEqual([name, '2 no-end-of-life-model']);
    }
  });
});

describe('every reader on odd input', () => {
  it('never throws, and reports positions inside the file', async () => {
    const pieces = fc.constantFrom('"', "'", '`', '\\', '#', '//', '/*', '{', '}', '[', ']', ':', '=', '\n', '  ', 'region: ', 'x = ', `${SONNET_37}`, `"${HAIKU_45}"`, '\uFFFD', 'é', '${', '<<EOF\n');
    const names = ['a.py', 'a.go', 'a.toml', 'a.tf', 'a.yaml', 'a.json', 'a.ts', 'a.js', 'a.sh', '.env', 'a.rb', 'a.rs'];
    await fc.assert(
      fc.asyncProperty(fc.array(pieces, { maxLength: 60 }), fc.constantFrom(...names), async (parts, name) => {
        const text = parts.join('');
        const lines = text.split('\n').length;
        for (const finding of (await checkText(name, text)).findings) {
          expect(finding.line).toBeGreaterThanOrEqual(1);
          expect(finding.endLine).toBeLessThanOrEqual(lines);
        }
      }),
      { numRuns: 300 },
    );
  });
});
