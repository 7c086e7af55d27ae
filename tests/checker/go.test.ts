import { describe, expect, it } from 'vitest';
import { checkText, columnOf, HAIKU_45, SONNET_37, SONNET_45, summary } from './helpers.js';

const header = [
  'package main',
  '',
  'import (',
  '\t"context"',
  '\t"github.com/aws/aws-sdk-go-v2/aws"',
  '\t"github.com/aws/aws-sdk-go-v2/config"',
  '\t"github.com/aws/aws-sdk-go-v2/service/bedrockruntime"',
  ')',
  '',
];

describe('Go', () => {
  it('reads the region from config.WithRegion and reports the ModelId string with its position and fix', async () => {
    const code = [
      ...header,
      'func main() {',
      '\tcfg, _ := config.LoadDefaultConfig(context.TODO(), config.WithRegion("ap-northeast-1"))',
      '\tclient := bedrockruntime.NewFromConfig(cfg)',
      `\tclient.Converse(context.TODO(), &bedrockruntime.ConverseInput{ModelId: aws.String("${HAIKU_45}")})`,
      '}',
    ].join('\n');
    const { findings, fallback } = await checkText('main.go', code);
    expect(fallback).toBeNull();
    const column = columnOf(code, 13, `"${HAIKU_45}"`);
    expect(summary(findings)).toEqual([`13:${column} require-inference-profile`]);
    expect(findings[0]).toMatchObject({ endLine: 13, endColumn: column + HAIKU_45.length + 2, fix: { text: `jp.${HAIKU_45}` } });
  });

  it('skips comments, struct tags, imports and joined strings; reads raw strings and map keys (a catalog)', async () => {
    const code = [
      ...header,
      `// ModelID: "${SONNET_37}"`,
      `/* "${SONNET_37}" */`,
      `var prices = map[string]float64{"${SONNET_37}": 3.0}`,
      'type Config struct {',
      '\tModel string `json:"anthropic.claude-3-7-sonnet-20250219-v1:0"`',
      '}',
      `var joined = "us." + "${SONNET_37}"`,
      `var raw = \`${SONNET_37}\``,
    ].join('\n');
    const { findings } = await checkText('skip.go', code);
    // The map key is a catalog entry: its lifecycle is judged, not how it is invoked. The raw string
    // is a value; without a region, this legacy model fails where most code runs.
    expect(summary(findings)).toEqual(['12:33 no-legacy-model', '17:11 require-inference-profile', '17:11 no-legacy-model']);
  });

  it('reads Region fields (aws.String or plain) and short variable declarations', async () => {
    const field = [...header, 'var opts = bedrockruntime.Options{Region: aws.String("eu-west-1")}', `var id = "${SONNET_45}"`].join('\n');
    expect((await checkText('a.go', field)).findings[0]?.fix?.text).toBe(`eu.${SONNET_45}`);
    const short = [...header, 'func f() {', '\tregion := "us-east-2"', `\tid := "${SONNET_45}"`, '\t_, _ = region, id', '}'].join('\n');
    expect((await checkText('b.go', short)).findings[0]?.fix?.text).toBe(`us.${SONNET_45}`);
  });

  it('stays quiet on GetFoundationModel lookups', async () => {
    const code = [
      ...header,
      'func g(c *bedrock.Client) {',
      '\tcfg, _ := config.LoadDefaultConfig(context.TODO(), config.WithRegion("eu-west-1"))',
      `\tc.GetFoundationModel(context.TODO(), &bedrock.GetFoundationModelInput{ModelIdentifier: aws.String("${SONNET_45}")})`,
      '}',
    ].join('\n');
    expect((await checkText('lookup.go', code)).findings).toEqual([]);
  });

  it('compares without invoking: no profile verdict and no fix for == and != operands and switch cases; lifecycle still reported', async () => {
    const code = [
      ...header,
      'func pick(id string) int {',
      '\tcfg, _ := config.LoadDefaultConfig(context.TODO(), config.WithRegion("eu-west-1"))',
      '\t_ = cfg',
      `\tif id == "${SONNET_45}" || "${SONNET_37}" != id || strings.EqualFold(id, "${HAIKU_45}") {`,
      '\t\treturn 1',
      '\t}',
      '\tswitch id {',
      `\tcase "${HAIKU_45}", "us.${SONNET_45}":`,
      '\t\treturn 2',
      '\t}',
      `\tmodel := "${SONNET_45}"`,
      '\t_ = model',
      '\treturn 0',
      '}',
    ].join('\n');
    const { findings } = await checkText('compare.go', code);
    expect(findings.map((f) => `${f.line} ${f.text} ${f.ruleId} ${f.fix ? 'fix' : '-'}`)).toEqual([
      // Compared against: look-up keys, judged by no rule.
      `20 ${SONNET_45} require-inference-profile fix`,
    ]);
  });

  it('does not judge pieces of IDs searched for with strings.HasPrefix, HasSuffix, Contains and Index', async () => {
    const code = [
      ...header,
      'func family(id string) bool {',
      '\treturn strings.HasPrefix(id, "anthropic.claude-3") || strings.HasSuffix(id, "anthropic.claude-3-7-sonnet-20250219-v1:0") ||',
      `\t\tstrings.Contains(id, "${SONNET_37}") || strings.Index(id, "${SONNET_37}") > 0`,
      '}',
      `var legacy = "${SONNET_37}"`,
    ].join('\n');
    const { findings } = await checkText('search.go', code);
    expect(findings.map((f) => `${f.line} ${f.ruleId}`)).toEqual(['14 require-inference-profile', '14 no-legacy-model']);
  });
});
