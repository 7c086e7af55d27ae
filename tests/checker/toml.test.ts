import { describe, expect, it } from 'vitest';
import { checkText, HAIKU_45, SONNET_37, summary } from './helpers.js';

describe('TOML', () => {
  it('reports string values with positions, reads region keys, skips comments and keys', async () => {
    const code = [
      `# model = "${SONNET_37}"`,
      '[bedrock]',
      "region = 'ap-northeast-3'",
      `model = "${HAIKU_45}" # "${SONNET_37}"`,
      '',
      '[prices]',
      `"${SONNET_37}" = 3.0`,
      `legacy = ["ai21.j2-ultra-v1"]`,
    ].join('\n');
    const { findings, fallback } = await checkText('pyproject.toml', code);
    expect(fallback).toBeNull();
    expect(summary(findings)).toEqual(['4:9 require-inference-profile', '8:11 no-end-of-life-model']);
    expect(findings[0]).toMatchObject({ endColumn: 9 + HAIKU_45.length + 2, fix: { text: `jp.${HAIKU_45}` } });
  });

  it('skips multi-line strings and strings with escapes', async () => {
    const code = `a = """\n${SONNET_37}"""\nb = "${SONNET_37}\\t"`;
    expect((await checkText('x.toml', code)).findings).toEqual([]);
  });
});
