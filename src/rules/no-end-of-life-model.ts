/**
 * no-end-of-life-model: a model past its end of life. Every call fails, so it is an error in
 * `recommended`. The replacement is a suggestion, never a fix: a different model can behave
 * differently.
 */
import { LIFECYCLE_ROLES } from '../core/candidate.js';
import { defineRule } from '../core/rule.js';
import { REPLACE, replacementOf } from './utils/lifecycle.js';
import { AWS_ERRORS, nameAfterId } from './utils/reports.js';

export default defineRule({
  name: 'no-end-of-life-model',
  description: 'Disallow Bedrock models past their end of life',
  severity: { recommended: 'error', strict: 'error' },
  fixable: false,
  messages: {
    endOfLife:
      "'{{id}}'{{model}} is past end of life{{since}} (lifecycle data as of {{asOf}}). AWS answers: \"" +
      AWS_ERRORS.endOfLife +
      '"{{replacementHint}}',
    replace: REPLACE,
  },
  options: {},
  defaultOptions: {},
  // Everything but texts for people and look-up keys: a catalog or a test of a retired model is stale too.
  roles: LIFECYCLE_ROLES,
  check(verdict, { registry }) {
    const found = verdict.lifecycle;
    if (found?.phase !== 'eol') return null;
    const { named, suggestions } = replacementOf(found, registry);
    return {
      messageId: 'endOfLife',
      data: {
        id: verdict.ref.raw,
        model: nameAfterId(verdict.model?.name),
        since: found.since ? ` since ${found.since}` : '',
        asOf: registry.asOf,
        replacementHint: named ? ` Move to an active model, such as ${named}.` : ' Move to an active model.',
      },
      fix: null,
      suggestions,
    };
  },
});
