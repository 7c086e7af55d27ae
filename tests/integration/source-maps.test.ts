/**
 * dist/ carries source maps that lead back to src/ (tsc's maps, chained through esbuild's for the
 * two bundles), so that a stack trace run with --enable-source-maps names src/ files and lines.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './packed.js';

/** Line (0-based) of the first line of `file` that contains `text`. */
const lineOf = (file: string, text: string): number => readFileSync(join(ROOT, file), 'utf8').split('\n').findIndex((line) => line.includes(text));

describe('source maps', () => {
  it('a stack trace through dist/plugin.js names src/ files and lines', () => {
    const script = "import('eslint-plugin-aws-bedrock').then((m) => m.loadRegistry('/nonexistent/snapshot.json')).catch((e) => console.log(e.stack))";
    const stack = execFileSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    const line = lineOf('src/registry/registry.ts', "'does not exist'");
    expect(line).toBeGreaterThan(0);
    expect(stack).toContain('SnapshotError');
    expect(stack).toMatch(new RegExp(`src/registry/registry\\.ts:(${line}|${line + 1}|${line + 2}):\\d+`));
    expect(stack).not.toContain('dist/plugin.js');
  });

  it('the CLI bundle maps a string of src/cli/sync-command.ts back to its line', () => {
    const bundle = readFileSync(join(ROOT, 'dist/cli/bin.js'), 'utf8');
    const needle = "needs the AWS SDK's Bedrock client";
    const at = bundle.indexOf(needle);
    expect(at).toBeGreaterThan(0);
    const before = bundle.slice(0, at).split('\n');
    const map = new SourceMap(JSON.parse(readFileSync(join(ROOT, 'dist/cli/bin.js.map'), 'utf8')) as never);
    const entry = map.findEntry(before.length - 1, before.at(-1)!.length) as { originalSource: string; originalLine: number };
    expect(entry.originalSource).toMatch(/src\/cli\/sync-command\.ts$/);
    expect(entry.originalLine).toBe(lineOf('src/cli/sync-command.ts', needle));
  });
});
