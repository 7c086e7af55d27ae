import { MESSAGES } from '../report/messages.js';
import { createRule } from '../util/create-rule.js';
import { runRule } from './utils/run-rule.js';
import { regionOptionSchema, type RegionOptions } from './utils/settings.js';

type Options = [RegionOptions];
type MessageIds = keyof (typeof MESSAGES)['valid-inference-profile'];

export default createRule<Options, MessageIds>({
  name: 'valid-inference-profile',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow inference profile IDs that do not exist or cannot be called from the region in use',
      recommended: 'error',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: MESSAGES['valid-inference-profile'],
    schema: [{ type: 'object', properties: regionOptionSchema, additionalProperties: false }],
    defaultOptions: [{}],
  },
  create(context, [options]) {
    return runRule(context, 'valid-inference-profile', options);
  },
});
