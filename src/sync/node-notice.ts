/**
 * The AWS SDK for JavaScript prints, once per process on Node below 22, a seven-line notice that
 * its releases published after the first week of January 2027 will need Node 22. This package
 * supports Node 20 (package.json `engines`) with the SDK version it pins, so on every supported
 * Node the notice is noise in each sync, and in CI logs it reads like a fault.
 *
 * The SDK's own switch, `AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true`, is read when a
 * client is created (the SDK then remembers, for the process, that the notice is settled). It is
 * set only around the creation of sync's clients, on a Node version this package supports, and
 * restored at once: no other warning is touched, and a user's own setting wins.
 */

/** `engines.node` of package.json (a test keeps the two equal). */
export const SUPPORTED_NODE = '^20.19.0 || ^22.13.0 || >=24';

const SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/** Whether a Node version (`20.19.2`) satisfies SUPPORTED_NODE. */
export function isSupportedNode(version: string): boolean {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return (major === 20 && minor >= 19) || (major === 22 && minor >= 13) || major >= 24;
}

/** Runs `create` (which makes SDK clients) without the SDK's Node-version notice on a supported Node. */
export function withoutNodeVersionNotice<T>(create: () => T, version = process.versions.node): T {
  if (!isSupportedNode(version) || process.env[SWITCH] !== undefined) return create();
  process.env[SWITCH] = 'true';
  try {
    return create();
  } finally {
    delete process.env[SWITCH];
  }
}
