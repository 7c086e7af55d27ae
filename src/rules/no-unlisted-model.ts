/**
 * no-unlisted-model: a model ID the snapshot does not list that may be newer than the snapshot
 * (a date after its listing, a version above the newest of its line, a new model of a known
 * family). Not an error: the snapshot cannot know, and AWS's answer to an ID it has not seen is
 * not quoted. Off in `recommended` (a team adopting a new model the week it ships keeps a green
 * build), a warning in `strict`; the message names the snapshot's date and age and how to refresh.
 */
import { defineRule } from '../core/rule.js';
import { idOf } from './utils/reports.js';

export default defineRule({
  name: 'no-unlisted-model',
  description: 'Report model IDs that the snapshot does not list and that may be newer than it',
  severity: { strict: 'warn' },
  fixable: false,
  messages: {
    unlisted:
      "'{{id}}' is not in the {{age}}-day-old snapshot of {{asOf}}{{dated}}; it may be newer: " +
      'run `bedrock-lint sync` or upgrade eslint-plugin-aws-bedrock.',
  },
  options: {},
  defaultOptions: {},
  // As no-unknown-model: strings that name a model, not look-up keys, tests, resources or texts.
  roles: ['sent', 'setting', 'catalog', 'unknown'],
  check(verdict) {
    const found = verdict.unlisted;
    if (!found) return null;
    return {
      messageId: 'unlisted',
      data: {
        id: idOf(verdict),
        dated: found.date ? `, dated ${found.date}` : '',
        asOf: found.asOf,
        age: String(found.ageDays),
      },
      fix: null,
      suggestions: [],
    };
  },
});
