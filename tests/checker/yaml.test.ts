import { describe, expect, it } from 'vitest';
import { yamlMapping } from '../../bench/gen/pathological.js';
import { scanYaml } from '../../src/readers/yaml.js';
import { checkText, columnOf, HAIKU_45, SONNET_37, SONNET_45, summary } from './helpers.js';

describe('YAML', () => {
  it('reports values with their positions, plain and quoted, and reads region keys', async () => {
    const code = ['# app config', 'region: eu-west-2', 'models:', `  chat: ${SONNET_45}`, `  fast: "${HAIKU_45}"`].join('\n');
    const { findings, fallback } = await checkText('config.yaml', code);
    expect(fallback).toBeNull();
    expect(summary(findings)).toEqual(['4:9 require-inference-profile', '5:9 require-inference-profile']);
    expect(findings[0]).toMatchObject({ endColumn: 9 + SONNET_45.length, fix: { text: `eu.${SONNET_45}`, start: code.indexOf(SONNET_45) } });
    expect(findings[1]).toMatchObject({ endColumn: 9 + HAIKU_45.length + 2, fix: { text: `eu.${HAIKU_45}`, start: code.indexOf(HAIKU_45) } });
  });

  it('skips comments and mapping keys, in every document of a stream', async () => {
    const code = [
      `# model: ${SONNET_37}`,
      'prices:',
      `  ${SONNET_37}: 0.003`,
      `  "${HAIKU_45}": 0.001`,
      '---',
      `legacy: ai21.j2-ultra-v1 # ${SONNET_37}`,
    ].join('\n');
    const { findings } = await checkText('multi.yml', code);
    expect(summary(findings)).toEqual(['6:9 no-end-of-life-model']);
    expect(findings[0]!.severity).toBe('error');
  });

  it('stays quiet on IAM resources (CloudFormation policies)', async () => {
    const code = ['region: eu-west-1', 'Statement:', '  - Effect: Allow', '    Resource:', `      - ${SONNET_45}`].join('\n');
    expect((await checkText('policy.yaml', code)).findings).toEqual([]);
  });

  it("judges the model of a CloudFormation resource: the template's Resources key does not make everything under it a resource", async () => {
    const code = [
      'Resources:',
      '  Agent:',
      '    Type: AWS::Bedrock::Agent',
      '    Properties:',
      `      FoundationModel: ${SONNET_45}`,
      '  Policy:',
      '    Properties:',
      '      PolicyDocument:',
      '        Statement:',
      '          - Effect: Allow',
      `            Resource: arn:aws:bedrock:*::foundation-model/${SONNET_45}`,
    ].join('\n');
    expect(summary((await checkText('template.yaml', code)).findings)).toEqual(['5:24 require-inference-profile']);
  });

  it('falls back to the linear scanner for templates that are not YAML, still skipping keys and comments', async () => {
    const code = ['{{- if .Values.bedrock }}', 'model: {{ .Values.model }}', 'region: "{{ .Values.region', `fallback: ${SONNET_37} # ${HAIKU_45}`, `${HAIKU_45}: 1`].join('\n');
    const { findings, fallback } = await checkText('chart.yaml', code);
    expect(fallback).toBe('not valid YAML');
    expect(summary(findings)).toEqual([`4:${columnOf(code, 4, SONNET_37)} require-inference-profile`, '4:11 no-legacy-model']);
  });

  it('reads a mapping with a duplicate key as YAML, judging every value', async () => {
    const code = ['region: eu-west-1', `model: ${SONNET_37}`, `model: ${HAIKU_45}`].join('\n');
    const { findings, fallback } = await checkText('dup.yaml', code);
    expect(fallback).toBeNull();
    expect(summary(findings)).toEqual(['2:8 require-inference-profile', '2:8 no-legacy-model', '3:8 require-inference-profile']);
  });

  it('reads a flat mapping of 50,000 keys (linear time: see the YAML row of npm run bench)', async () => {
    const code = yamlMapping(50_000, SONNET_37);
    const scan = scanYaml(code);
    expect(scan?.candidates.map((c) => c.text)).toEqual([SONNET_37]);
    expect(scan!.candidates[0]!.start).toBe(code.lastIndexOf(SONNET_37));
  });
});
