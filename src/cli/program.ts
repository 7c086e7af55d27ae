/**
 * The `bedrock-lint` program: one commander program, one module per subcommand.
 * Each subcommand module exports `register(program)` and sets `process.exitCode` itself.
 */
import { Command, CommanderError } from 'commander';
import { register as registerCheck } from './check-command.js';
import { register as registerInfo } from './info-command.js';
import { register as registerInit } from './init-command.js';
import { register as registerSync } from './sync-command.js';
import { packageInfo } from '../util/package-root.js';

export function createProgram(): Command {
  const program = new Command('bedrock-lint')
    .description('Check Amazon Bedrock model IDs in any file, and refresh the model snapshot from the AWS API.')
    .version(packageInfo().version)
    .exitOverride()
    .showHelpAfterError();
  registerCheck(program);
  registerInfo(program);
  registerSync(program);
  registerInit(program);
  return program;
}

/** Runs the program; resolves to the exit code (0 ok, 1 findings or changes, 2 usage or runtime error). */
export async function main(argv: readonly string[]): Promise<number> {
  const program = createProgram();
  process.exitCode = undefined;
  try {
    await program.parseAsync(argv as string[]);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    throw error;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}
