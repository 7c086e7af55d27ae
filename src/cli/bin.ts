#!/usr/bin/env node
import { escapeControl } from '../util/escape.js';
import { guardStdio } from '../util/stdio.js';
import { main } from './program.js';

// A reader that closes the pipe early (`bedrock-lint check | head -1`) ends the output quietly, not
// with an EPIPE stack trace; the command still runs to its end and exits with its usual code.
guardStdio();

// tree-sitter's WebAssembly runs as V8's baseline code (Liftoff), without tiering up to TurboFan:
// a check parses few files (those that pass the pre-filter), too few for optimized code to pay for
// its compilation. On the bench's checker tree (docs/benchmarks.md) this saves about 0.1 s of CPU
// time, and 0.3 s of wall time on a busy machine; tiering up pays from a few hundred parsed Python,
// Go, TOML or Terraform files on. Set before any WebAssembly is compiled, in this process only
// (never in the ESLint plugin's). Both are regular V8 flags (`node --v8-options`).
const { setFlagsFromString } = process.getBuiltinModule('node:v8');
setFlagsFromString('--no-wasm-tier-up');
setFlagsFromString('--no-wasm-dynamic-tiering');

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    // Line by line: a message may have lines of its own, but no line may carry a control character.
    process.stderr.write(`bedrock-lint: ${message.split('\n').map(escapeControl).join('\n')}\n`);
    process.exitCode = 2;
  },
);
