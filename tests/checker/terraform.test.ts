import { describe, expect, it } from 'vitest';
import { checkText, columnOf, HAIKU_45, SONNET_37, SONNET_45, summary } from './helpers.js';

describe('Terraform', () => {
  it('reads the region of the aws provider and reports attribute values with their position and fix', async () => {
    const code = [
      '# foundation_model = "anthropic.claude-v2"',
      'provider "aws" {',
      '  region = "eu-west-1" // Ireland',
      '}',
      '',
      'resource "aws_bedrockagent_agent" "support" {',
      '  agent_name       = "support"',
      `  foundation_model = "${SONNET_45}"`,
      '}',
    ].join('\n');
    const { findings, fallback } = await checkText('main.tf', code);
    expect(fallback).toBeNull();
    expect(summary(findings)).toEqual(['8:22 require-inference-profile']);
    expect(findings[0]).toMatchObject({ endColumn: 22 + SONNET_45.length + 2, fix: { text: `eu.${SONNET_45}` } });
  });

  it('follows var.NAME to the default of the variable', async () => {
    const code = [
      'variable "aws_region" {',
      '  default = "us-east-2"',
      '}',
      'provider "aws" {',
      '  region = var.aws_region',
      '}',
      'locals {',
      `  model = "${HAIKU_45}"`,
      '}',
    ].join('\n');
    expect((await checkText('vars.tf', code)).findings[0]?.fix?.text).toBe(`us.${HAIKU_45}`);
  });

  it('skips object keys, block labels, comments, heredocs and interpolated strings', async () => {
    const code = [
      `/* "${SONNET_37}" */`,
      'locals {',
      `  prices = { "${SONNET_37}" = 3.0 }`,
      '  profile = "${var.geo}.anthropic.claude-3-7-sonnet-20250219-v1:0"',
      '  doc = <<EOT',
      `Uses ${SONNET_37}`,
      'EOT',
      '}',
      `# "${SONNET_37}"`,
    ].join('\n');
    expect((await checkText('skip.tf', code)).findings).toEqual([]);
  });

  it('stays quiet on IAM resources and foundation-model data sources, but not on lifecycle', async () => {
    const code = [
      'provider "aws" {',
      '  region = "eu-west-1"',
      '}',
      'data "aws_bedrock_foundation_model" "claude" {',
      `  model_id = "${SONNET_37}"`,
      '}',
      'data "aws_iam_policy_document" "invoke" {',
      '  statement {',
      `    resources = ["arn:aws:bedrock:eu-west-1::foundation-model/${SONNET_45}"]`,
      '  }',
      '}',
      'resource "aws_iam_policy" "p" {',
      `  policy = jsonencode({ Statement = [{ Resource = "${SONNET_45}" }] })`,
      '}',
    ].join('\n');
    const { findings } = await checkText('iam.tf', code);
    expect(summary(findings)).toEqual([`5:${columnOf(code, 5, `"${SONNET_37}"`)} no-legacy-model`]);
  });
});
