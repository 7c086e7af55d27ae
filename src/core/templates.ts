/**
 * Templates whose placeholders fill only an ARN's region or account, as code writes them:
 * `` `arn:aws:bedrock:${region}::foundation-model/anthropic.claude-instant-v1` ``,
 * `f"arn:aws:bedrock:{region}:{account}:inference-profile/apac.anthropic..."`,
 * `"arn:aws:bedrock:${var.region}::foundation-model/..."`. Their model part is fixed, so it is
 * judged: the placeholders are left empty, which the classifier reads as an ARN of no known region.
 */

/** A template's parts: fixed text, or null for a placeholder. */
export type TemplatePart = string | null;

const ARN_HEAD = /^arn:aws[a-z-]{0,10}:bedrock:$/;

/** The ARN with its placeholders emptied, when they fill only its region and account; else null. */
export function templateArn(parts: readonly TemplatePart[]): string | null {
  if (!parts.includes(null) || typeof parts[0] !== 'string' || !parts[0].startsWith('arn:')) return null;
  let text = '';
  for (const part of parts) {
    if (part === null) {
      // A placeholder may only stand in the region or the account field (the 4th or 5th).
      const colons = text.split(':').length - 1;
      if (colons !== 3 && colons !== 4) return null;
      continue;
    }
    text += part;
  }
  // The fixed rest must fill the fields the placeholders left: `arn:aws:bedrock:<region>:<account>:<resource>`.
  const fields = text.split(':');
  if (fields.length < 6 || !ARN_HEAD.test(`${fields.slice(0, 3).join(':')}:`)) return null;
  return /^[a-z0-9-]*$/.test(fields[3]!) && /^\d*$/.test(fields[4]!) ? text : null;
}
