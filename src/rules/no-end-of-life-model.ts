/**
 * no-end-of-life-model: a model past its end of life in the regions in play. Every call fails,
 * so it is an error in `recommended`. The replacement is a suggestion, never a fix: a different
 * model can behave differently.
 */
import { LIFECYCLE_ROLES } from '../core/candidate.js';
import { defineRule } from '../core/rule.js';
import { lifecycleData, REPLACE } from './utils/lifecycle.js';
import { AWS_ERRORS } from './utils/reports.js';

export default defineRule({
  name: 'no-end-of-life-model',
  description: 'Disallow Bedrock models past their end of life',
  severity: { recommended: 'error', strict: 'error' },
  fixable: false,
  messages: {
    endOfLife: "'{{id}}'{{model}} is past end of life{{where}}{{since}}{{except}} ({{snapshot}}); {{replacement}}.",
    replace: REPLACE,
  },
  options: {},
  defaultOptions: {},
  // Everything but texts for people and look-up keys: a catalog or a test of a retired model is stale too.
  roles: LIFECYCLE_ROLES,
  check(verdict, { registry }) {
    const found = verdict.lifecycle;
    if (found?.phase !== 'eol') return null;
    const { data, suggestions } = lifecycleData(verdict, found, registry);
    return { messageId: 'endOfLife', data, fix: null, suggestions, awsError: AWS_ERRORS.endOfLife };
  },
});
