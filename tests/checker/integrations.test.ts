import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { languageOf } from '../../src/readers/languages.js';

const ROOT = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, ROOT), 'utf8');

interface Hook {
  id: string;
  entry: string;
  language: string;
  types: string[];
}

describe('integrations', () => {
  it('.pre-commit-hooks.yaml: node hooks that run a bin of this package', () => {
    const hooks = parse(read('.pre-commit-hooks.yaml')) as Hook[];
    const bins = Object.keys((JSON.parse(read('package.json')) as { bin: Record<string, string> }).bin);
    expect(hooks.map((h) => h.id)).toEqual(['bedrock-lint', 'bedrock-lint-fix']);
    for (const hook of hooks) {
      expect(hook.language).toBe('node');
      expect(bins).toContain(hook.entry.split(' ')[0]);
      expect(hook.entry.split(' ')[1]).toBe('check');
      expect(hook.types).toEqual(['text']);
    }
  });

  it('docs/examples/lint-staged.md: every pattern names files the checker reads', () => {
    const config = /```js\n([\s\S]*?)```/.exec(read('docs/examples/lint-staged.md'))![1]!;
    const patterns = [...config.matchAll(/'(\*\.\{[^}]+\}|\{[^}]+\})'/g)].map((m) => m[1]!);
    expect(patterns).toHaveLength(3);
    const names = patterns.flatMap((pattern) => {
      const [, prefix, list] = /^(\*\.)?\{([^}]+)\}$/.exec(pattern)!;
      return list!.split(',').map((item) => (prefix ? `file.${item}` : item.replace('*', 'x').replace(/\.\*$/, '.prod')));
    });
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) expect([name, languageOf(name)]).not.toEqual([name, null]);
  });
});
