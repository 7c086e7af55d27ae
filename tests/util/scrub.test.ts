/**
 * The one scrubber (src/util/scrub.ts) of the checker, `info` and sync: what it masks, what it
 * must leave alone (model IDs, dated names, request IDs, hex slugs), the write guard built from
 * the same patterns, and linear time on adversarial input. Every credential here is made up and
 * assembled at run time.
 */
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import regexp from 'eslint-plugin-regexp';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/checker/redact.js';
import { findAccountData, scrub } from '../../src/util/scrub.js';

const ACCOUNT = ['1234', '5678', '9012'].join('');
const KEY_ID = ['AKIA', 'IOSFODNN7', 'FAKEKEY'].join('');
const TEMP_KEY_ID = ['ASIA', 'XYZ2EXAMPLE', '4FAKE'].join('');
const SECRET = ['wJalrXUtnFEMI', 'K7MDENG', 'bPxRfiCYFAKEKEY123'].join('/');
const SESSION = `IQoJb3JpZ2luX2Vj${'EJr/AbC+dEf9'.repeat(30)}`;
const API_KEY = `ABSK${Buffer.from(`BedrockAPIKey-fake-at-${ACCOUNT}:${'x'.repeat(40)}`).toString('base64')}`;

describe('scrub masks', () => {
  it.each([
    ['an echoed session token header', `x-amz-security-token: ${SESSION}`, 'x-amz-security-token: <redacted>'],
    ['a session token in JSON', `{"x-amz-security-token":"${SESSION}","x-amz-date":"20260101T000000Z"}`, '{"x-amz-security-token":"<redacted>","x-amz-date":"<redacted>"}'],
    ['a presigned query', `?X-Amz-Security-Token=abc%2Fdef&X-Amz-Date=20260101T000000Z&x=1`, '?X-Amz-Security-Token=<redacted>&X-Amz-Date=<redacted>&x=1'],
    [
      'a SigV4 authorization header',
      `authorization: AWS4-HMAC-SHA256 Credential=${KEY_ID}/20260101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=0a1b2c3d`,
      'authorization: <redacted> Credential=<redacted>, SignedHeaders=host, Signature=<redacted>',
    ],
    ['a bearer token', 'Authorization: Bearer abc.def', 'Authorization: <redacted> <redacted>'],
    ['access key IDs', `keys ${KEY_ID} and ${TEMP_KEY_ID}.`, 'keys <redacted> and <redacted>.'],
    ['a secret access key on its own', `secret ${SECRET} leaked`, 'secret <redacted> leaked'],
    ['a secret access key setting', `aws_secret_access_key = ${SECRET}`, 'aws_secret_access_key = <redacted>'],
    ['a session token on its own', `token ${SESSION} expired`, 'token <redacted> expired'],
    ['a Bedrock API key', `key ${API_KEY} rejected`, 'key <redacted> rejected'],
    ['a short-term Bedrock API key', 'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t', '<redacted>'],
    ['an account ID in an ARN', `arn:aws:iam::${ACCOUNT}:user/test`, 'arn:aws:iam::<account-id>:user/test'],
    ['an account ID in any context', `acct_${ACCOUNT}, account ${ACCOUNT}.`, 'acct_<account-id>, account <account-id>.'],
    ['an account ID inside a name', `acme.tuned_${ACCOUNT}-v1:0`, 'acme.tuned_<account-id>-v1:0'],
    ['an account ID written with dashes', 'account 1234-5678-9012', 'account <account-id>'],
    ['a date-shaped account field of an ARN', 'arn:aws:bedrock:us-east-1:202601011200:inference-profile/x', 'arn:aws:bedrock:us-east-1:<account-id>:inference-profile/x'],
    [
      'an application profile ARN and ID',
      `arn:aws:bedrock:us-west-2:${ACCOUNT}:application-inference-profile/v8gtbe8pryd4; profile 'v8gtbe8pryd4' not found`,
      "arn:aws:bedrock:us-west-2:<account-id>:application-inference-profile/<profile-id>; profile '<profile-id>' not found",
    ],
  ])('%s', (_what, text, expected) => {
    expect(scrub(text)).toBe(expected);
  });
});

describe('scrub leaves alone', () => {
  it.each([
    'anthropic.claude-3-haiku-20240307-v1:0',
    'us.amazon.nova-pro-v1:0 and global.anthropic.claude-sonnet-4-5-20250929-v1:0',
    'acme.nightly-202601011200-v1:0',
    'request 3f1c2a5e-0d5b-4c1e-9a77-2b8f3c1d9e01 failed',
    'https://zenn.dev/ncdc/articles/f879246337551b',
    'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_ListFoundationModels.html',
    'a commit 9fceb02d0ae598e95dc970b74767f19372d61af8 and a date 20240229',
    'ON_DEMAND, INFERENCE_PROFILE and availability',
  ])('%s', (text) => {
    expect(scrub(text)).toBe(text);
  });
});

describe('the checker', () => {
  it('masks account IDs in ARNs as <account-id>, as before', () => {
    expect(redact(`arn:aws:bedrock:eu-west-1:${ACCOUNT}:inference-profile/eu.x`)).toBe('arn:aws:bedrock:eu-west-1:<account-id>:inference-profile/eu.x');
  });
});

describe('findAccountData, the write guard', () => {
  it('names account IDs, application profile ARNs and credentials', () => {
    expect(findAccountData(`{"id": "acme.tuned_${ACCOUNT}-v1:0"}`)).toEqual(['1 number(s) shaped like an AWS account ID']);
    expect(findAccountData(`arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/v8gtbe8pryd4`)).toEqual([
      '1 number(s) shaped like an AWS account ID',
      '1 application inference profile ARN(s)',
    ]);
    expect(findAccountData(`${KEY_ID} ${API_KEY} ${SESSION}`)).toEqual(['3 credential(s) or token(s)']);
  });

  it('accepts dated names and digits inside words', () => {
    expect(findAccountData('{"acme.nightly-202601011200-v1:0": 1, "url": "https://zenn.dev/a/f879246337551b 20240229"}')).toEqual([]);
  });
});

describe('linear time', () => {
  it('has no super-linear regex (eslint-plugin-regexp)', async () => {
    const eslint = new ESLint({
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser },
          plugins: { regexp },
          rules: { 'regexp/no-super-linear-backtracking': 'error', 'regexp/no-super-linear-move': 'error' },
        },
      ],
    });
    const results = await eslint.lintFiles(['src/util/scrub.ts', 'src/sync/*.ts']);
    expect(results.length).toBeGreaterThan(5);
    expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line}: ${m.message}`))).toEqual([]);
  });

  it('finishes on 100,000 characters of each pattern’s own alphabet with a late mismatch', () => {
    const N = 100_000;
    for (const text of [
      'a'.repeat(N) + '!',
      `${'A1+/'.repeat(N / 4)}==!`,
      `x-amz-date: ${'a '.repeat(N / 2)}`,
      '1'.repeat(N),
      `${'1234-'.repeat(N / 5)}x`,
      `arn:aws:${'a:'.repeat(N / 2)}`,
      `${'ab1'.repeat(N / 3)}`,
      `ABSK${'='.repeat(N)}`,
    ]) {
      expect(typeof scrub(text)).toBe('string');
      expect(Array.isArray(findAccountData(text))).toBe(true);
    }
  });
});
