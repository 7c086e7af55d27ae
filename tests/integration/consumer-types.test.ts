/**
 * The published declarations, as a TypeScript user compiles them: an `eslint.config.ts` that
 * imports the packed package, with `skipLibCheck: false`, under TypeScript 5.9, 6 and 7 (the
 * `typescript-6` and `typescript-7` aliases) and against ESLint 10 and 9. Only ESLint's own types
 * may be reached (no @typescript-eslint, valibot or tree-sitter declarations), and
 * arethetypeswrong finds no problem in the tarball.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumer, pack, ROOT } from './packed.js';

const run = promisify(execFile);

const CONFIG = `import { defineConfig } from 'eslint/config';
import type { Rule } from 'eslint';
import bedrock, { classify, loadRegistry, type Verdict } from 'eslint-plugin-aws-bedrock';

const rule: Rule.RuleModule | undefined = bedrock.rules['require-inference-profile'];
const verdict: Verdict | null = classify('anthropic.claude-sonnet-4-5-20250929-v1:0', loadRegistry(), { regions: ['eu-west-1'] });
export const facts = { rule, verdict, models: Object.keys(loadRegistry().snapshot.models).length };

export default defineConfig([
  bedrock.configs.recommended,
  { files: ['**/*.json'], extends: [bedrock.configs.json] },
  { plugins: { 'aws-bedrock': bedrock }, settings: { 'aws-bedrock': { region: 'eu-west-1' } } },
]);
`;

/** Misuses the compiler must reject: the types are real, not \`any\`. */
const MISUSE = `import bedrock from 'eslint-plugin-aws-bedrock';
export const a: number = bedrock.meta.name;
export const b = bedrock.configs.nonexistent;
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    // TypeScript's own lib files are not what is under test; checking them doubles the time.
    skipDefaultLibCheck: true,
    lib: ['ES2022'],
    types: [],
  },
};

const COMPILERS = [
  ['TypeScript 5.9', 'typescript'],
  ['TypeScript 6', 'typescript-6'],
  ['TypeScript 7', 'typescript-7'],
] as const;

/** Declarations a consumer's compile must not read. */
const FOREIGN = /node_modules\/(?:@typescript-eslint|typescript-estree|valibot|web-tree-sitter|tree-sitter-|@tree-sitter-grammars|@aws-sdk|@smithy|@humanwhocodes\/momoa|yaml|globby|commander)\//;

let work = '';
let tarball = '';
const projects = new Map<string, string>();

function project(name: string, eslint: string, files: Record<string, string>): string {
  const dir = join(work, name);
  consumer(dir, tarball, [['eslint', eslint]]);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ ...TSCONFIG, files: Object.keys(files) }));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

async function tsc(compiler: string, cwd: string): Promise<{ code: number; out: string }> {
  const bin = join(ROOT, 'node_modules', compiler, 'bin', 'tsc');
  try {
    const { stdout } = await run(process.execPath, [bin, '-p', '.', '--listFiles'], { cwd });
    return { code: 0, out: stdout };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, out: `${stdout}${stderr}` };
  }
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'aws-bedrock-types-'));
  tarball = pack(work);
  projects.set('eslint 10', project('eslint-10', 'eslint', { 'eslint.config.ts': CONFIG }));
  projects.set('eslint 9', project('eslint-9', 'eslint-v9', { 'eslint.config.ts': CONFIG }));
  projects.set('misuse', project('misuse', 'eslint', { 'misuse.ts': MISUSE }));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('an eslint.config.ts that imports the plugin, skipLibCheck: false', () => {
  it.each(COMPILERS)('compiles under %s with ESLint 10, reading only ESLint\'s declarations', async (_name, compiler) => {
    const { code, out } = await tsc(compiler, projects.get('eslint 10')!);
    const errors = out.split('\n').filter((line) => /error TS\d+/.test(line));
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    const read = out.split('\n').filter((line) => line.includes('node_modules/'));
    expect(read.some((file) => file.includes('eslint-plugin-aws-bedrock/dist/index.d.ts'))).toBe(true);
    expect(read.filter((file) => FOREIGN.test(file))).toEqual([]);
  });

  it('compiles under TypeScript 7 with ESLint 9', async () => {
    const { code, out } = await tsc('typescript-7', projects.get('eslint 9')!);
    expect(out.split('\n').filter((line) => /error TS\d+/.test(line))).toEqual([]);
    expect(code).toBe(0);
  });

  it('rejects misuse: the plugin is typed, not any', async () => {
    const { code, out } = await tsc('typescript-7', projects.get('misuse')!);
    expect(code).not.toBe(0);
    expect(out).toMatch(/misuse\.ts\(2,\d+\): error TS2322/);
    expect(out).toMatch(/misuse\.ts\(3,\d+\): error TS2339: Property 'nonexistent'/);
  });
});

describe('the packed tarball', () => {
  it('passes arethetypeswrong (ESM-only profile: require() of ESM is Node 20.19+)', async () => {
    const bin = join(ROOT, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');
    const result = await run(process.execPath, [bin, tarball, '--profile', 'esm-only', '--format', 'json']).catch(
      (error: { code: number; stdout: string }) => ({ stdout: error.stdout, failed: error.code }),
    );
    expect('failed' in result ? result.stdout : '').toBe('');
    const { analysis } = JSON.parse(result.stdout) as { analysis: { types: { kind: string } } };
    expect(analysis.types.kind).toBe('included');
  });
});
