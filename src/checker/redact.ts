/**
 * Masks AWS account IDs in ARNs before anything is printed: the checker and `info` repeat the
 * strings they judge, and account data never goes into their output. Fixes are applied from the
 * unmasked text; only what is shown is masked.
 */

/** `arn:partition:service:region:` followed by a 12-digit account ID. Bounded: linear time. */
const ACCOUNT_IN_ARN = /(arn:[a-z-]{1,20}:[a-z0-9-]{1,40}:[a-z0-9-]{0,30}:)\d{12}(?=:|$)/g;

export const ACCOUNT_MASK = '<account-id>';

export const redact = (text: string): string => text.replace(ACCOUNT_IN_ARN, `$1${ACCOUNT_MASK}`);
