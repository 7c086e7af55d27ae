/**
 * Progress on stderr: a live line rewritten in place on a terminal, plain lines elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/sync/progress.js';

const listing = (region: string) => ({ region, models: [], profiles: [] });

function record(isTTY: boolean): { stream: { isTTY: boolean; write(text: string): boolean }; text: () => string } {
  const chunks: string[] = [];
  return { stream: { isTTY, write: (text: string) => chunks.push(text) > 0 }, text: () => chunks.join('') };
}

describe('sync progress', () => {
  it('writes one plain line per finished region when stderr is not a terminal', () => {
    const { stream, text } = record(false);
    const progress = createProgress(stream, 2);
    progress.start!('us-east-1');
    progress.start!('eu-west-1');
    progress.done!(listing('us-east-1'));
    progress.fail!({ region: 'eu-west-1', cause: 'access denied', kind: 'access denied', everywhere: false, unreachable: false });
    progress.finish();
    expect(text()).toBe(
      'sync: [1/2] us-east-1: 0 models, 0 profiles\nsync: [2/2] eu-west-1: failed: access denied\n',
    );
  });

  it('rewrites one line in place on a terminal, and ends it', () => {
    const { stream, text } = record(true);
    const progress = createProgress(stream, 2);
    progress.start!('us-east-1');
    progress.done!(listing('us-east-1'));
    progress.finish();
    const out = text();
    expect(out.split('\r\x1b[2K').filter(Boolean)).toEqual([
      'sync: 0/2 regions done · fetching us-east-1 · us-east-1: fetching',
      'sync: 1/2 regions done · us-east-1: 0 models, 0 profiles\n',
    ]);
  });
});
