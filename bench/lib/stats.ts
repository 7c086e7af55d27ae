/**
 * Small measurement helpers shared by the bench rows: medians, interleaved A/B runs, timing of a
 * child process, and a seeded random source so that generated corpora are the same on every run.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const median = (values: readonly number[]): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Runs `a` and `b` side by side, `reps` times each, in ABBA order (A B B A A B ...) so that a slow
 * drift of the machine's load falls on both sides alike. Returns every sample of each side.
 */
export async function interleave<T = number>(reps: number, a: () => Promise<T>, b: () => Promise<T>): Promise<{ a: T[]; b: T[] }> {
  const out = { a: [] as T[], b: [] as T[] };
  for (let i = 0; i < reps; i++) {
    const order = i % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
    for (const side of order) out[side].push(await (side === 'a' ? a : b)());
  }
  return out;
}

/**
 * CPU time (user + system, ms) of this process's children that have ended and been waited for,
 * from /proc (Linux; 10 ms ticks); null elsewhere. The difference across one `run` is that
 * child's CPU time, all its threads included, when no other child ends meanwhile.
 */
export function childrenCpuMs(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // cutime and cstime: fields 16 and 17 of stat(5), the 14th and 15th after the name.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** sysconf(_SC_CLK_TCK): 100 on Linux. */
const CLOCK_TICKS = 100;

/** Runs one process to its end; rejects on a non-zero exit. Resolves to stdout, wall time and CPU time (see childrenCpuMs). */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; okCodes?: readonly number[] } = {},
): Promise<{ stdout: string; code: number; ms: number; cpuMs: number | null }> {
  return new Promise((resolvePromise, reject) => {
    const cpuBefore = childrenCpuMs();
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const ok = options.okCodes ?? [0];
      if (code !== null && ok.includes(code)) {
        const cpuAfter = childrenCpuMs();
        const cpuMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
        resolvePromise({ stdout: Buffer.concat(stdout).toString('utf8'), code, ms, cpuMs });
      } else {
        const err = Buffer.concat(stderr).toString('utf8').trim().split('\n').slice(-5).join('\n');
        reject(new Error(`${command} ${args.join(' ').slice(0, 200)} exited with ${code}: ${err}`));
      }
    });
  });
}

/** Runs a bench worker script (plain ESM JavaScript or TypeScript through tsx) and parses its JSON output. */
export async function worker<T>(script: string, args: readonly string[], nodeArgs: readonly string[] = []): Promise<T> {
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const { stdout } = await run(process.execPath, [...nodeArgs, ...loader, script, ...args]);
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as T;
}

/** mulberry32: a tiny seeded PRNG, so that a corpus is byte-identical on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Random {
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function random(seed: number): Random {
  const next = seeded(seed);
  return {
    next,
    int: (max) => Math.floor(next() * max),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
  };
}
