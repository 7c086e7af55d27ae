import { MESSAGES } from '../report/messages.js';
import { createRule } from '../util/create-rule.js';
import { runRule } from './utils/run-rule.js';
import { regionOptionSchema, type RegionOptions } from './utils/settings.js';

type Options = [RegionOptions];
type MessageIds = keyof (typeof MESSAGES)['no-unknown-model'];

export default createRule<Options, MessageIds>({
  name: 'no-unknown-model',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow strings shaped like Bedrock model IDs that name no known model',
      recommended: 'error',
    },
    hasSuggestions: true,
    messages: MESSAGES['no-unknown-model'],
    schema: [{ type: 'object', properties: regionOptionSchema, additionalProperties: false }],
    defaultOptions: [{}],
  },
  create(context, [options]) {
    return runRule(context, 'no-unknown-model', options);
  },
});
