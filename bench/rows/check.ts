/**
 * Row: `bedrock-lint check` over a generated 100 MB tree of mixed file types, against ripgrep
 * searching the same candidate pattern (a provider prefix and a dot, or `claude-`: what the
 * checker looks for before it parses a file). The tree lives in the OS temp folder: the checker
 * honours .gitignore, which lists bench/.out.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTree } from '../gen/tree.js';
import type { BenchContext } from '../lib/context.js';
import { ms, unavailable, type Row } from '../lib/row.js';
import { interleave, median, run } from '../lib/stats.js';

const NAME = 'bedrock-lint check, 100 MB mixed tree vs rg';
const GOAL = 3;
const TREE_BYTES = 100 * 1024 * 1024;

/** Whether the built CLI has a `check` command (it is being written alongside this bench). */
async function hasCheck(root: string): Promise<boolean> {
  const help = await run(process.execPath, ['dist/cli/bin.js', 'check', '--help'], { cwd: root, okCodes: [0, 1, 2] }).catch(() => null);
  return help?.code === 0 && help.stdout.includes('--format');
}

async function hasRipgrep(): Promise<boolean> {
  return run('rg', ['--version']).then(
    () => true,
    () => false,
  );
}

export async function checkRow(ctx: BenchContext): Promise<Row> {
  if (!(await hasCheck(ctx.root))) return unavailable(NAME, `≤ ${GOAL}`, 'not available yet: dist/cli/bin.js has no check command');
  if (!(await hasRipgrep())) {
    return unavailable(NAME, `≤ ${GOAL}`, 'rg (ripgrep) is not installed: `apt-get install ripgrep`, then run again');
  }
  const tree = join(tmpdir(), 'aws-bedrock-bench-tree');
  rmSync(tree, { recursive: true, force: true });
  const stats = writeTree(tree, TREE_BYTES, ctx.ids);
  const pattern = `claude-|(?:${ctx.providers.join('|')})\\.`;
  let checked = 0;
  let matched = 0;
  try {
    const reps = Math.min(ctx.reps, 3);
    const samples = await interleave(
      reps,
      async () => {
        const r = await run('rg', ['-i', '-l', '--no-messages', '-e', pattern, tree], { okCodes: [0, 1] });
        matched = r.stdout.split('\n').filter(Boolean).length;
        return r.ms;
      },
      async () => {
        const r = await run(process.execPath, ['dist/cli/bin.js', 'check', '--format', 'json', '--no-stale-notice', tree], {
          cwd: ctx.root,
          okCodes: [0, 1],
        });
        checked = (JSON.parse(r.stdout) as unknown[]).length;
        ctx.log(`  check: ${ms(r.ms)}`);
        return r.ms;
      },
    );
    const rg = median(samples.a);
    const check = median(samples.b);
    return {
      name: NAME,
      ratio: check / rg,
      goal: `≤ ${GOAL}`,
      met: check / rg <= GOAL,
      figures:
        `${ms(check)} vs ${ms(rg)} (median of ${reps}, wall); ${stats.files} files, ${(stats.bytes / 1e6).toFixed(0)} MB, ` +
        `${stats.namingModels} naming models; rg lists ${matched} files, check reports ${checked} findings`,
      data: { rg: samples.a, check: samples.b, tree: stats, pattern },
    };
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}
