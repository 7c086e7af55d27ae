import { describe, expect, it } from 'vitest';
import { lintAll } from './tester.js';
import { snapshot } from './tester.js';

describe("settings['aws-bedrock']", () => {
  it.each(['2026-13-45', '2026-02-30', '26-11-2026', 'yesterday'])('rejects now: %j with one clear error', (now) => {
    expect(() => lintAll(`const m = 'anthropic.claude-sonnet-4-6';`, { settings: { 'aws-bedrock': { snapshot, now } } })).toThrow(
      /settings\['aws-bedrock'\]\.now must be a date as 'YYYY-MM-DD'/,
    );
  });
});
