import type { Command } from 'commander';

/** Placeholder until the info command lands (issue 5). */
export function register(program: Command): void {
  void program;
}
