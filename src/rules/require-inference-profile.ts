import { MESSAGES } from '../report/messages.js';
import { createRule } from '../util/create-rule.js';
import { runRule } from './utils/run-rule.js';
import { regionOptionSchema, type RegionOptions } from './utils/settings.js';

type Options = [RegionOptions];
type MessageIds = keyof (typeof MESSAGES)['require-inference-profile'];

export default createRule<Options, MessageIds>({
  name: 'require-inference-profile',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an inference profile ID for models that cannot be invoked on demand by their bare ID',
      recommended: 'error',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: MESSAGES['require-inference-profile'],
    schema: [{ type: 'object', properties: regionOptionSchema, additionalProperties: false }],
    defaultOptions: [{}],
  },
  create(context, [options]) {
    return runRule(context, 'require-inference-profile', options);
  },
});
