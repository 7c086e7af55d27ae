import { MESSAGES } from '../report/messages.js';
import { createRule } from '../util/create-rule.js';
import { runRule } from './utils/run-rule.js';
import { regionOptionSchema, type RegionOptions } from './utils/settings.js';

type Options = [RegionOptions & { onlyEndOfLife?: boolean }];
type MessageIds = keyof (typeof MESSAGES)['no-legacy-model'];

export default createRule<Options, MessageIds>({
  name: 'no-legacy-model',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Legacy and end-of-life Bedrock models',
      recommended: 'warn',
      strict: 'error',
    },
    hasSuggestions: true,
    messages: MESSAGES['no-legacy-model'],
    schema: [
      {
        type: 'object',
        properties: {
          ...regionOptionSchema,
          onlyEndOfLife: {
            type: 'boolean',
            description: 'Report only models past end of life, not Legacy ones.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ onlyEndOfLife: false }],
  },
  create(context, [options]) {
    return runRule(context, 'no-legacy-model', options);
  },
});
