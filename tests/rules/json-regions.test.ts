import { describe, expect, it } from 'vitest';
import { lintAll, SONNET_46 } from './tester.js';

describe('regions stated in JSON files', () => {
  it.each(['region', 'aws_region_name', 'AWS_REGION'])('reads "%s" as the region in play', (key) => {
    const messages = lintAll(`{"model": "bedrock/${SONNET_46}", "${key}": "eu-west-1"}`, { filename: 'litellm.json' });
    expect(messages.map((m) => m.ruleId)).toEqual(['aws-bedrock/require-inference-profile']);
    expect(messages[0]?.fix?.text).toBe(`bedrock/eu.${SONNET_46}`);
  });
});
