/**
 * The AWS SDK's Node-version notice is kept out of sync's output on the Node versions this package
 * supports, through the SDK's own switch, set only while sync creates its clients.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSupportedNode, SUPPORTED_NODE, withoutNodeVersionNotice } from '../../src/sync/node-notice.js';

const SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

describe('the SDK Node-version notice', () => {
  it('knows the Node versions package.json supports', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { engines: { node: string } };
    expect(SUPPORTED_NODE).toBe(pkg.engines.node);
    expect(['20.19.0', '20.20.2', '22.13.0', '22.20.1', '24.0.0', '26.1.0'].filter(isSupportedNode)).toHaveLength(6);
    expect(['18.20.0', '20.18.3', '21.7.0', '22.12.0', '23.11.0'].filter(isSupportedNode)).toEqual([]);
  });

  it('sets the SDK switch only while clients are created, on a supported Node', () => {
    delete process.env[SWITCH];
    expect(withoutNodeVersionNotice(() => process.env[SWITCH], '20.19.0')).toBe('true');
    expect(process.env[SWITCH]).toBeUndefined();
    expect(withoutNodeVersionNotice(() => process.env[SWITCH], '18.20.0')).toBeUndefined();
    expect(() => withoutNodeVersionNotice(() => { throw new Error('boom'); }, '20.19.0')).toThrow('boom');
    expect(process.env[SWITCH]).toBeUndefined();
  });

  it('leaves a setting of the user alone', () => {
    process.env[SWITCH] = 'false';
    try {
      expect(withoutNodeVersionNotice(() => process.env[SWITCH], '20.19.0')).toBe('false');
      expect(process.env[SWITCH]).toBe('false');
    } finally {
      delete process.env[SWITCH];
    }
  });
});
