import type { Command } from 'commander';

/** Placeholder until the sync command lands (issue 4). */
export function register(program: Command): void {
  void program;
}
