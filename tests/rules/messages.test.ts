/**
 * Every message of every rule fits an editor hover: at most 200 characters once its placeholders
 * are filled. Filled by the rules themselves, from the bundled snapshot: every model and profile
 * ID it knows, the ways people get them wrong or newer than the snapshot, in ARN and LiteLLM form,
 * judged with no region, with each region, and with three regions of the longest names.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classifier/classify.js';
import type { Candidate } from '../../src/core/candidate.js';
import { messageOf } from '../../src/core/rule.js';
import { RULES } from '../../src/core/rules.js';
import { loadRegistry } from '../../src/registry/registry.js';

const MAX = 200;
const SENT: Candidate = { text: '', start: 0, end: 0, fix: null, role: 'sent' };
/** `${AWS_REGION}.<id>` as a template spells it (the reader hands over the ID after the region). */
const regionAsGeography = (id: string): Candidate => ({ ...SENT, display: `\${process.env.AWS_DEFAULT_REGION}.${id}`, regionAsGeography: true });
const registry = loadRegistry();
/** The day the issue was measured, and a day years later (a snapshot's age of four digits). */
const DAYS = [new Date('2026-11-28T00:00:00Z'), new Date('2029-12-31T00:00:00Z')];
/** An obviously fake account, built at run time. */
const ACCOUNT = '1234' + '56789012';

const byLength = (a: string, b: string): number => b.length - a.length || (a < b ? -1 : 1);
const regions = [...registry.regions].sort(byLength);
const REGION_SETS: (readonly string[])[] = [[], ...regions.map((r) => [r]), regions.slice(0, 3), regions.slice(-3)];

/** Ways people write an ID wrong, or newer than the snapshot, from a known one. */
function variants(id: string): string[] {
  const bumped = id.replace(/(\d+)(?!.*\d)/, (n) => String(Number(n) + 1));
  const nameBumped = id.replace(/-(\d+)(?=[-:]|$)/, (_, n: string) => `-${Number(n) + 1}`);
  return [
    id,
    bumped,
    nameBumped,
    id.replace(/(\d)-(\d)/, '$1.$2'),
    id.replace(/(-v\d+)?:\d+$/, ''),
    id.replace(/-(\d{8})-/, '-20261015-'),
    id.replace(/-(\d{8})-/, '-20240101-'),
    `us-east-1.${id}`,
    `ap-southeast-7.${id}`,
    `bedrock/converse/${id}`,
    `arn:aws:bedrock:ap-southeast-7:${ACCOUNT}:inference-profile/${id}`,
  ];
}

const ids = [
  ...[...registry.models.keys()].flatMap(variants),
  ...[...registry.profiles.keys()].flatMap(variants),
  ...[...registry.models.keys()].flatMap((id) => [`us.${id}`, `global.${id}`]),
  'claude-3-7-sonnet-20250219',
  'claude-sonnet-4-5',
];

describe('messages fit an editor hover', () => {
  const seen = new Map<string, number>();
  const tooLong: string[] = [];
  for (const [id, now] of [...new Set(ids)].flatMap((id) => DAYS.map((day) => [id, day] as const))) {
    for (const regionSet of REGION_SETS) {
      const verdict = classify(id, registry, { regions: regionSet, now });
      if (!verdict) continue;
      // As a string sent to Bedrock in a file that talks to it: every rule judges that role.
      for (const [rule, candidate] of RULES.flatMap((r) => (verdict.ref.form === 'bare' ? [[r, SENT], [r, regionAsGeography(id)]] as const : [[r, SENT]] as const))) {
        const report = rule.check(verdict, { registry, options: rule.defaultOptions, candidate, facts: { regions: [], usesBedrock: true } });
        if (!report) continue;
        const messages = [
          [report.messageId, messageOf(rule, report.messageId, report.data)],
          ...report.suggestions.map((s) => [s.messageId, messageOf(rule, s.messageId, s.data)]),
        ] as const;
        for (const [messageId, message] of messages) {
          const key = `${rule.name}/${messageId}`;
          seen.set(key, Math.max(seen.get(key) ?? 0, message.length));
          if (message.length > MAX) tooLong.push(`${message.length} ${key}: ${message}`);
        }
      }
      // Region sets only matter to IDs the snapshot knows.
      if (!verdict.model) break;
    }
  }

  it('fills every message of every rule at least once', () => {
    const all = RULES.flatMap((rule) => Object.keys(rule.messages).map((id) => `${rule.name}/${id}`));
    expect(all.filter((key) => !seen.has(key))).toEqual([]);
  });

  it(`keeps every filled message within ${MAX} characters`, () => {
    expect(tooLong.sort(byLength).slice(0, 10)).toEqual([]);
  });
});
