/**
 * `npm run demo`: lints examples/ with the plugin, loaded by its package name through the
 * examples' own eslint.config.js, and prints the findings with the stylish formatter. Then runs
 * `--fix` on a temporary copy of examples/ and prints a unified diff of what it changed.
 * examples/ itself is never written. Exits 0 although there are findings: they are the point.
 */
import { ESLint, type Linter } from 'eslint';
import { loadRegistry } from 'eslint-plugin-aws-bedrock';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = join(ROOT, 'examples');

/** Results with paths relative to the repository, as a reader of the demo expects them. */
const shown = (results: ESLint.LintResult[], base: string): ESLint.LintResult[] =>
  results.map((result) => ({ ...result, filePath: join('examples', relative(base, result.filePath)) }));

/** `diff -u` of one file, labelled with its path under examples/; empty when nothing changed. */
function unifiedDiff(original: string, fixed: string, label: string): string {
  const diff = spawnSync('diff', ['-u', '--label', `a/${label}`, '--label', `b/${label}`, original, fixed], {
    encoding: 'utf8',
  });
  if (diff.error) throw new Error(`cannot run diff: ${diff.error.message}`);
  if (diff.status !== 0 && diff.status !== 1) throw new Error(`diff failed: ${diff.stderr}`);
  return diff.stdout;
}

async function main(): Promise<void> {
  const config = (await import(pathToFileURL(join(EXAMPLES, 'eslint.config.js')).href)) as { default: Linter.Config[] };
  const eslintFor = (cwd: string, fix: boolean): ESLint =>
    new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config.default, fix });

  console.log(`Linting examples/ with eslint-plugin-aws-bedrock (snapshot of ${loadRegistry().asOf}).\n`);
  const linter = eslintFor(EXAMPLES, false);
  const results = await linter.lintFiles(['.']);
  const stylish = await linter.loadFormatter('stylish');
  console.log(await stylish.format(shown(results, EXAMPLES)));

  const copy = mkdtempSync(join(tmpdir(), 'aws-bedrock-demo-'));
  try {
    cpSync(EXAMPLES, copy, { recursive: true });
    const fixed = await eslintFor(copy, true).lintFiles(['.']);
    await ESLint.outputFixes(fixed);
    console.log('What `eslint --fix` changes (on a temporary copy of examples/):\n');
    for (const result of fixed) {
      if (result.output === undefined) continue;
      const path = relative(copy, result.filePath);
      process.stdout.write(unifiedDiff(join(EXAMPLES, path), result.filePath, join('examples', path)));
    }
    const left = fixed.reduce((sum, r) => sum + r.errorCount + r.warningCount, 0);
    console.log(
      `\n${left} problems remain after --fix: where a person must choose (a geography, a replacement ` +
        'model, which ID was meant), the rules offer editor suggestions instead of a fix.',
    );
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

await main();
