/**
 * no-unknown-model: a string shaped like a Bedrock model ID that names no known model (a typo, a
 * dotted version), or Anthropic's own API name in a file that talks to Bedrock.
 */
import { defineRule, type RuleReport } from '../core/rule.js';
import { listText } from '../util/list-text.js';
import { AWS_ERRORS } from './utils/reports.js';

export default defineRule({
  name: 'no-unknown-model',
  description: 'Disallow strings shaped like Bedrock model IDs that name no known model',
  severity: { recommended: 'error', strict: 'error' },
  fixable: false,
  messages: {
    unknownModel:
      "'{{id}}' is not a Bedrock model ID known to the snapshot of {{asOf}}.{{didYouMean}} AWS answers: \"" +
      AWS_ERRORS.invalidIdentifier +
      '"',
    firstPartyName:
      "'{{id}}' is Anthropic's own API name; Bedrock calls this model '{{bedrockId}}'. AWS answers: \"" +
      AWS_ERRORS.invalidIdentifier +
      '"',
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
    if (found.firstParty) {
      // Anthropic's own names are right where they go to Anthropic's API: reported where the string
      // reaches a Bedrock call, or is a model setting of a file that talks to Bedrock only.
      const toBedrock = candidate.role === 'sent' || (candidate.role === 'setting' && facts.usesBedrock);
      if (!toBedrock || !found.target) return null;
      return { messageId: 'firstPartyName', data: { id: verdict.ref.raw, bedrockId: found.target }, fix: null, suggestions };
    }
    const didYouMean = found.choices.length ? ` Did you mean ${listText(found.choices.map((c) => `'${c.id}'`))}?` : '';
    return { messageId: 'unknownModel', data: { id: verdict.ref.raw, asOf: registry.asOf, didYouMean }, fix: null, suggestions };
  },
});
