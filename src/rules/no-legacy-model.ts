/**
 * no-legacy-model: a model in AWS's Legacy phase (not yet end of life) in the regions in play: it
 * still answers, but new customers cannot use it and existing ones lose access after inactivity.
 * A warning in `recommended`; models past end of life are no-end-of-life-model's. The replacement
 * is a suggestion, never a fix: a different model can behave differently.
 */
import { LIFECYCLE_ROLES } from '../core/candidate.js';
import { defineRule } from '../core/rule.js';
import { lifecycleData, REPLACE } from './utils/lifecycle.js';

export default defineRule<{ onlyEndOfLife?: boolean }>({
  name: 'no-legacy-model',
  description: 'Disallow Bedrock models in the Legacy phase of their lifecycle',
  severity: { recommended: 'warn', strict: 'error' },
  fixable: false,
  messages: {
    legacy: "'{{id}}'{{model}} is Legacy{{where}}{{since}}{{until}}{{except}} ({{snapshot}}); {{replacement}}.",
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
    const { data, suggestions } = lifecycleData(verdict, found, registry);
    return {
      messageId: 'legacy',
      data: { ...data, until: found.eolDate ? `, end of life ${found.eolDate}` : '' },
      fix: null,
      suggestions,
    };
  },
});
