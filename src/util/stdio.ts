/**
 * Standard output and error that a reader may close early. `bedrock-lint check | head -1` closes
 * the pipe after one line; every later write then fails with EPIPE, which Node reports as an
 * 'error' event that, unheard, ends the process with a stack trace. Here a closed stream is
 * noted and later output is dropped, so that the command runs to its end (a `--fix` run still
 * fixes every file) and exits with its usual code. Any other failure of stdout (a full disk
 * under `> report.sarif`) is kept, for the command to report and exit 2: a truncated report must
 * not pass for a whole one.
 */

interface StreamState {
  closed: boolean;
  error: Error | null;
}

const states = new WeakMap<NodeJS.WritableStream, StreamState>();

function stateOf(stream: NodeJS.WritableStream): StreamState {
  let state = states.get(stream);
  if (!state) {
    const created: StreamState = { closed: false, error: null };
    stream.on('error', (error: NodeJS.ErrnoException) => {
      created.closed = true;
      if (error.code !== 'EPIPE' && !created.error) created.error = error;
    });
    states.set(stream, (state = created));
  }
  return state;
}

/** Hears the errors of stdout and stderr from now on (idempotent). */
export function guardStdio(): void {
  stateOf(process.stdout);
  stateOf(process.stderr);
}

/**
 * Writes `text` unless the stream is closed; when the stream's buffer is full, resolves once it
 * has drained (or failed), so that a long report never piles up in memory.
 */
export function writeTo(stream: NodeJS.WritableStream, text: string): void | Promise<void> {
  const state = stateOf(stream);
  if (state.closed || text === '') return;
  if (stream.write(text)) return;
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('error', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
    stream.on('close', done);
  });
}

/** The failure of a stream other than its reader going away, if there was one. */
export const streamError = (stream: NodeJS.WritableStream): Error | null => stateOf(stream).error;
