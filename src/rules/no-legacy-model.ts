/**
 * no-legacy-model: a model in AWS's Legacy phase (not yet end of life): it still answers, but new
 * customers cannot use it and existing ones lose access after inactivity. A warning in
 * `recommended`; models past end of life are no-end-of-life-model's. The replacement is a
 * suggestion, never a fix: a different model can behave differently.
 */
import { LIFECYCLE_ROLES } from '../core/candidate.js';
import { defineRule } from '../core/rule.js';
import { REPLACE, replacementOf } from './utils/lifecycle.js';
import { nameAfterId } from './utils/reports.js';

export default defineRule<{ onlyEndOfLife?: boolean }>({
  name: 'no-legacy-model',
  description: 'Disallow Bedrock models in the Legacy phase of their lifecycle',
  severity: { recommended: 'warn', strict: 'error' },
  fixable: false,
  messages: {
    legacy:
      "'{{id}}'{{model}} is a Legacy model{{since}}{{until}} (lifecycle data as of {{asOf}}). New customers cannot use it and existing ones lose access after inactivity; move to an active model{{replacementHint}}.",
    replace: REPLACE,
  },
  options: {
    onlyEndOfLife: {
      type: 'boolean',
      description: 'Deprecated: end-of-life models are reported by no-end-of-life-model; true turns this rule off.',
    },
  },
  defaultOptions: { onlyEndOfLife: false },
  // Everything but texts for people and look-up keys: a catalog or a test of a retired model is stale too.
  roles: LIFECYCLE_ROLES,
  check(verdict, { registry, options }) {
    const found = verdict.lifecycle;
    if (found?.phase !== 'legacy' || options.onlyEndOfLife) return null;
    const { named, suggestions } = replacementOf(found, registry);
    return {
      messageId: 'legacy',
      data: {
        id: verdict.ref.raw,
        model: nameAfterId(verdict.model?.name),
        since: found.since ? ` since ${found.since}` : '',
        until: found.eolDate ? ` and reaches end of life on ${found.eolDate}` : '',
        asOf: registry.asOf,
        replacementHint: named ? `, such as ${named}` : '',
      },
      fix: null,
      suggestions,
    };
  },
});
