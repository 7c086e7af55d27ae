/**
 * The one scrubber of every text this package prints or writes about AWS: the checker's findings,
 * `info`, and sync's progress, errors and change report. AWS error messages quote the caller's
 * ARN, some echo the request headers (session token included), and a misrouted endpoint can put
 * anything in front of us, so what is shown is masked here:
 *
 * - values of sensitive headers and settings (`x-amz-security-token`, `authorization`,
 *   `x-amz-date`, `aws_secret_access_key`, ...), SigV4 `Credential=` and `Signature=`, bearer tokens;
 * - credentials in any context: access key IDs (`AKIA...`, `ASIA...`), 40-character secret access
 *   keys, session tokens and other long base64 runs, Bedrock API keys (`ABSK...`, `bedrock-api-key-...`);
 * - AWS account IDs: the account field of an ARN, and any 12-digit number standing apart from
 *   letters and digits (`acct_123456789012` included), except a date-time stamp inside a name
 *   (`acme.nightly-202601011200-v1:0`);
 * - application inference profile IDs (`v8gtbe8pryd4`, the tail of an `application-inference-profile/` ARN).
 *
 * `findAccountData` is the write guard built from the same patterns: it names what a file must
 * never hold (account IDs, credentials), leaving out the looser heuristics that only matter for
 * what is printed. Every pattern is linear (no nested quantifiers over shared characters).
 */

export const ACCOUNT_MASK = '<account-id>';
export const SECRET_MASK = '<redacted>';
export const PROFILE_MASK = '<profile-id>';

/** Header and setting names whose values are secret, or help replay a request. */
const SENSITIVE_NAME =
  /(["']?)\b(x-amz-security-token|x-amz-signature|x-amz-credential|x-amz-date|x-amz-content-sha256|authorization|proxy-authorization|cookie|set-cookie|x-api-key|aws_session_token|aws_secret_access_key|aws_access_key_id|aws_bearer_token_bedrock|session_?token|secret_?access_?key)\1(\s{0,8}[:=]\s{0,8})(?:"[^"\r\n]*"|'[^'\r\n]*'|[^\s"'&,;]+)/gi;

/** SigV4 parts of an Authorization header or presigned URL, and bearer tokens. */
const SIGNING = /\b(Credential=|Signature=|Bearer[ \t]+)[^\s"',;&]+/g;

/** Long-term (`ABSK...`) and short-term (`bedrock-api-key-...`) Amazon Bedrock API keys. */
const BEDROCK_API_KEY = /\b(?:ABSK|bedrock-api-key-)[\w+/=-]{8,}/g;

/** Session tokens and other long base64 runs: nothing a message needs is that long without a separator. */
const LONG_TOKEN = /(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{80,}={0,2}(?![A-Za-z0-9+/=])/g;

/** AWS access key IDs: long-term (AKIA), temporary (ASIA), and the other unique-ID prefixes. */
const ACCESS_KEY_ID = /(?<![A-Z0-9])(?:AKIA|ASIA|AROA|AIDA|AGPA|AIPA|ANPA|ANVA|APKA|ABIA|ACCA|ASCA)[A-Z0-9]{12,}(?![A-Za-z0-9])/g;

/** A run of exactly 40 base64 characters: the shape of a secret access key. */
const SECRET_KEY = /(?<![\w+/=])[A-Za-z0-9+/]{40}(?![\w+/=])/g;

/** The account field of an ARN (`arn:aws:bedrock:us-east-1:123456789012:...`). */
const ACCOUNT_IN_ARN = /(arn:[a-z-]{1,20}:[a-z0-9-]{1,40}:[a-z0-9-]{0,30}:)\d{12}(?!\d)/g;

/**
 * Any other 12 digits standing apart from letters and digits (`acct_123456789012` and
 * `tuned_123456789012-v1` too, but not the `879246337551` of a hex slug), or 1234-5678-9012.
 */
const ACCOUNT_ID = /(?<![A-Za-z0-9])(?:\d{12}|\d{4}-\d{4}-\d{4})(?![A-Za-z0-9])/g;

/** The ID of an application inference profile, in its ARN. */
const PROFILE_IN_ARN = /(application-inference-profile\/)[a-zA-Z0-9]+/g;

/** A lone 12-character lowercase ID with letters and digits: the shape of an application profile ID. */
const PROFILE_ID = /(?<![\w.:/-])[a-z0-9]{12}(?![\w./-])/g;

/** `YYYYMMDDhhmm` of a plausible date and time: a build or snapshot stamp, not an account. */
function isDateStamp(digits: string): boolean {
  const [year, month, day, hour, minute] = [0, 4, 6, 8, 10].map((at, i) => Number(digits.slice(at, i === 0 ? 4 : at + 2)));
  return year! >= 1990 && year! <= 2099 && month! >= 1 && month! <= 12 && day! >= 1 && day! <= 31 && hour! <= 23 && minute! <= 59;
}

/**
 * Whether the 12 digits at `offset` of `text` are an account ID: yes, unless they are a date-time
 * stamp inside a name (after `-` or `.`, as in `acme.nightly-202601011200-v1:0`).
 */
function isAccountAt(match: string, offset: number, text: string): boolean {
  if (match.includes('-')) return true;
  const before = text[offset - 1];
  return !((before === '-' || before === '.') && isDateStamp(match));
}

const mixed = (token: string): boolean => /[a-z]/.test(token) && /\d/.test(token);
const secretShaped = (token: string): boolean => /[a-z]/.test(token) && /[A-Z]/.test(token) && /[\d+/]/.test(token);

/** Masks account IDs, credentials, sensitive header values and application profile IDs in `text`. */
export function scrub(text: string): string {
  return text
    .replace(SIGNING, (_whole, prefix: string) => `${prefix}${SECRET_MASK}`)
    .replace(SENSITIVE_NAME, (whole, quote: string, name: string, separator: string) => {
      const value = whole.slice(2 * quote.length + name.length + separator.length);
      const around = value[0] === '"' || value[0] === "'" ? value[0] : '';
      return `${quote}${name}${quote}${separator}${around}${SECRET_MASK}${around}`;
    })
    .replace(BEDROCK_API_KEY, SECRET_MASK)
    .replace(LONG_TOKEN, SECRET_MASK)
    .replace(ACCESS_KEY_ID, SECRET_MASK)
    .replace(SECRET_KEY, (token) => (secretShaped(token) ? SECRET_MASK : token))
    .replace(ACCOUNT_IN_ARN, `$1${ACCOUNT_MASK}`)
    .replace(ACCOUNT_ID, (digits, offset: number, whole: string) => (isAccountAt(digits, offset, whole) ? ACCOUNT_MASK : digits))
    .replace(PROFILE_IN_ARN, `$1${PROFILE_MASK}`)
    .replace(PROFILE_ID, (id) => (mixed(id) ? PROFILE_MASK : id));
}

/**
 * What in a text to be written is account data or a credential, one description per kind found
 * (empty: nothing). The account rule is the one `scrub` applies, so what the guard accepts is
 * printed unmasked and what it refuses is masked.
 */
export function findAccountData(text: string): string[] {
  const found: string[] = [];
  const count = (pattern: RegExp, keep: (match: string, offset: number) => boolean = () => true): number =>
    [...text.matchAll(pattern)].filter((m) => keep(m[0], m.index)).length;
  const accounts = count(ACCOUNT_ID, (digits, offset) => isAccountAt(digits, offset, text));
  if (accounts) found.push(`${accounts} number(s) shaped like an AWS account ID`);
  const profiles = count(PROFILE_IN_ARN);
  if (profiles) found.push(`${profiles} application inference profile ARN(s)`);
  let credentials = 0;
  let rest = text;
  for (const pattern of [BEDROCK_API_KEY, LONG_TOKEN, ACCESS_KEY_ID]) {
    credentials += [...rest.matchAll(pattern)].length;
    rest = rest.replace(pattern, ' '); // counted once, by the first pattern that finds it
  }
  if (credentials) found.push(`${credentials} credential(s) or token(s)`);
  return found;
}
