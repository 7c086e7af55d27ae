import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { streamError, writeTo } from '../../src/util/stdio.js';

/** A stream that takes writes until it fails with `code`, after `accepted` writes. */
function failingStream(accepted: number, code: string): { stream: Writable; received: string[] } {
  const received: string[] = [];
  const stream = new Writable({
    highWaterMark: 4,
    write(chunk: Buffer, _encoding, callback) {
      if (received.length >= accepted) return callback(Object.assign(new Error(`write ${code}`), { code }));
      received.push(chunk.toString());
      setImmediate(callback);
    },
  });
  return { stream, received };
}

describe('writeTo', () => {
  it('waits for a full buffer to drain, in order', async () => {
    const { stream, received } = failingStream(Infinity, 'EPIPE');
    const pending = writeTo(stream, 'first chunk');
    // More than the stream's 4-byte buffer: the caller is told to wait.
    expect(pending).toBeInstanceOf(Promise);
    await pending;
    for (const text of ['second chunk', 'third chunk']) await writeTo(stream, text);
    expect(received).toEqual(['first chunk', 'second chunk', 'third chunk']);
  });

  it('drops what comes after the reader went away (EPIPE), quietly', async () => {
    const { stream, received } = failingStream(1, 'EPIPE');
    await writeTo(stream, 'kept');
    await writeTo(stream, 'lost');
    await new Promise((resolve) => setImmediate(resolve));
    await writeTo(stream, 'dropped');
    expect(received).toEqual(['kept']);
    expect(streamError(stream)).toBeNull();
  });

  it('keeps any other failure, for the command to report', async () => {
    const { stream } = failingStream(0, 'ENOSPC');
    await writeTo(stream, 'lost');
    await new Promise((resolve) => setImmediate(resolve));
    expect(streamError(stream)?.message).toBe('write ENOSPC');
  });
});
