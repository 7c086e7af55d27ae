/**
 * Masks account data before anything is printed: the checker and `info` repeat the strings they
 * judge, and account IDs (`arn:aws:bedrock:us-east-1:<account-id>:...`), credentials and
 * application profile IDs never go into their output. Fixes are applied from the unmasked text;
 * only what is shown is masked. The one scrubber of the package, shared with sync: src/util/scrub.ts.
 */
export { ACCOUNT_MASK, scrub as redact } from '../util/scrub.js';
