/**
 * no-unknown-model: a string shaped like a Bedrock model ID that is certainly wrong (a typo, a
 * dotted version, a cut-short ID, a suffix or date the snapshot would know), or Anthropic's own
 * API name in a file that talks to Bedrock. An ID that may simply be newer than the snapshot is
 * no-unlisted-model's, never an error here.
 */
import type { UnknownReason } from '../classifier/classify.js';
import { defineRule, type RuleReport } from '../core/rule.js';
import { AWS_ERRORS, idOf, snapshotOf } from './utils/reports.js';

/** What is wrong, as the message words it. */
const WHY: Record<Exclude<UnknownReason, 'first-party'>, (geo: string, date: string) => string> = {
  'not-a-geography': (geo) => `'${geo}.' is not a geography`,
  'dotted-version': () => 'versions take dashes',
  incomplete: () => 'cut short',
  suffix: () => 'no such suffix',
  'old-date': (_, date) => `dated ${date}, not listed`,
  typo: () => 'misspelt',
  'no-such-version': () => 'no such version',
};

export default defineRule({
  name: 'no-unknown-model',
  description: 'Disallow strings shaped like Bedrock model IDs that are certainly wrong',
  severity: { recommended: 'error', strict: 'error' },
  fixable: false,
  messages: {
    unknownModel: "'{{id}}' is not a Bedrock model ID ({{why}}; {{snapshot}}).{{didYouMean}}",
    firstPartyName: "'{{id}}' is Anthropic's own API name; on Bedrock this model is '{{bedrockId}}'.",
    didYouMean: "Use '{{id}}'.",
  },
  options: {},
  defaultOptions: {},
  // A typo in a catalog is a typo too; look-ups, tests and texts may hold malformed IDs on purpose.
  roles: ['sent', 'setting', 'catalog', 'unknown'],
  check(verdict, { registry, candidate, facts }): RuleReport | null {
    const found = verdict.unknown;
    if (!found) return null;
    const suggestions = found.choices.map((choice) => ({ messageId: 'didYouMean', data: { id: choice.id }, text: choice.text }));
    const awsError = AWS_ERRORS.invalidIdentifier;
    if (found.reason === 'first-party') {
      // Anthropic's own names are right where they go to Anthropic's API: reported where the string
      // reaches a Bedrock call, or is a model setting of a file that talks to Bedrock only.
      const toBedrock = candidate.role === 'sent' || (candidate.role === 'setting' && facts.usesBedrock);
      if (!toBedrock || !found.target) return null;
      return { messageId: 'firstPartyName', data: { id: verdict.ref.raw, bedrockId: found.target }, fix: null, suggestions, awsError };
    }
    const first = found.choices[0];
    return {
      messageId: 'unknownModel',
      data: {
        id: idOf(verdict),
        why: WHY[found.reason](verdict.ref.geo ?? '', found.date ?? ''),
        snapshot: snapshotOf(registry),
        didYouMean: first ? ` Did you mean '${first.id}'?` : '',
      },
      fix: null,
      suggestions,
      awsError,
    };
  },
});
