/**
 * Runs `bedrock-lint` for the sync tests: in-process through `main(argv)` (fast, output captured),
 * or as a child process of the built CLI (dist/cli/bin.js), as users run it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { main } from '../../src/cli/program.js';
import { isolatedAwsEnv } from './fixtures.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const text = (chunk: unknown): string => (typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));

/** `bedrock-lint <args>` in this process, with stdout and stderr captured. */
export async function runInProcess(args: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => ((stdout += text(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => ((stderr += text(chunk)), true));
  try {
    const code = await main(['node', 'bedrock-lint', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}

/** Environment of a child process: this one's, made hermetic for AWS. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const [key, value] of Object.entries(isolatedAwsEnv())) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return { ...env, ...extra };
}

export function assertBuilt(): void {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` before these tests (npm test does).`);
}

/** Starts the built CLI; `onStderr` sees stderr as it arrives. */
export function spawnCli(
  args: readonly string[],
  options: { env?: Record<string, string>; nodeArgs?: readonly string[]; onStderr?: (soFar: string) => void } = {},
): { done: Promise<CliRun & { signal: NodeJS.Signals | null }>; kill: () => void } {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: ROOT,
    env: childEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    options.onStderr?.(stderr);
  });
  const done = new Promise<CliRun & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
  return { done, kill: () => child.kill('SIGKILL') };
}
