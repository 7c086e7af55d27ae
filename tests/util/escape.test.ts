import { describe, expect, it } from 'vitest';
import { escapeControl } from '../../src/util/escape.js';

describe('escapeControl', () => {
  it('shows C0 and C1 controls, DEL, ANSI escapes and newlines as escapes', () => {
    expect(escapeControl('a\nb\r\tc')).toBe('a\\nb\\r\\tc');
    expect(escapeControl('\u001b[31mred\u001b[0m')).toBe('\\x1b[31mred\\x1b[0m');
    expect(escapeControl('\u0000\u0007\u007f\u0085\u009b')).toBe('\\x00\\x07\\x7f\\x85\\x9b');
  });

  it('shows line separators and bidirectional overrides, which reorder or break what a terminal shows', () => {
    expect(escapeControl('a\u2028b\u202ec\u2066d')).toBe('a\\u2028b\\u202ec\\u2066d');
  });

  it('leaves other text alone, non-ASCII letters and emoji included', () => {
    const text = 'config/modèles — 模型 🚀.yaml';
    expect(escapeControl(text)).toBe(text);
  });

  it('cannot start a GitHub Actions workflow command on a line of its own', () => {
    const name = 'a.py\n::error file=app.py,line=1::injected';
    expect(escapeControl(name).split('\n')).toEqual(['a.py\\n::error file=app.py,line=1::injected']);
  });
});
