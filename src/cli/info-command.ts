/**
 * `bedrock-lint info <id>`: what the snapshot knows about a model or profile ID
 * (src/checker/info.ts). Exit code 1 for an ID the snapshot does not know.
 */
import type { Command } from 'commander';
import { describeId, formatInfo } from '../checker/info.js';
import { loadRegistry } from '../registry/registry.js';
import { reportUsageError } from './check-command.js';

interface InfoFlags {
  json?: boolean;
  snapshot?: string;
}

export function register(program: Command): void {
  program
    .command('info')
    .description('Show what the snapshot knows about a model or inference-profile ID (also ARNs and LiteLLM names).')
    .argument('<id>', 'a model ID, inference-profile ID, ARN or LiteLLM model name')
    .option('--json', 'print JSON, for scripts')
    .option('--snapshot <path>', 'read this snapshot file instead of the bundled one')
    .action((id: string, flags: InfoFlags) => {
      try {
        const info = describeId(id, loadRegistry(flags.snapshot), new Date());
        process.stdout.write(flags.json ? `${JSON.stringify(info, null, 2)}\n` : formatInfo(info));
        process.exitCode = info.found ? 0 : 1;
      } catch (error) {
        if (!reportUsageError(error)) throw error;
      }
    });
}
