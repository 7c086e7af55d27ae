#!/usr/bin/env node
import { escapeControl } from '../util/escape.js';
import { guardStdio } from '../util/stdio.js';
import { main } from './program.js';

// A reader that closes the pipe early (`bedrock-lint check | head -1`) ends the output quietly, not
// with an EPIPE stack trace; the command still runs to its end and exits with its usual code.
guardStdio();

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
