/**
 * The JSON reader (JSON, JSONC, JSON5), on momoa's tree: the one @eslint/json gives the ESLint
 * adapter, and the one the checker parses itself. String values are candidates (member names
 * never are); regions come from `"region"`-style members anywhere in the file; a string that is
 * the value of an IAM `Resource`-style member (directly, or as an element of its array) names a
 * model as a resource, deeper strings do not (a CloudFormation template's `Resources` holds
 * everything).
 */
import type { AnyNode } from '@humanwhocodes/momoa';
import { mightBeModelRef } from '../classifier/parse.js';
import { isRegionName, isResourceName } from '../context/names.js';
import { roleOfValue } from '../context/sinks.js';
import { inPlace, type Candidate, type Collection } from '../core/candidate.js';

export function collectJson(root: AnyNode, text: string): Collection {
  const candidates: Candidate[] = [];
  const regions: string[] = [];
  // `name`: the member a value belongs to, directly or as an element of the member's array.
  const stack: { node: AnyNode; name: string | null; inArray?: boolean }[] = [{ node: root, name: null }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, name, inArray = false } = item;
    switch (node.type) {
      case 'Document':
        stack.push({ node: node.body, name });
        break;
      case 'Object': {
        const keyOf = (member: (typeof node.members)[number]): string => (member.name.type === 'String' ? member.name.value : member.name.name);
        // `{ "name": "MODEL_ID", "value": "..." }` (ECS environment entries): the value is named by its sibling.
        const named = node.members.find((member) => keyOf(member) === 'name' && member.value.type === 'String')?.value;
        for (let i = node.members.length - 1; i >= 0; i--) {
          const member = node.members[i]!;
          const key = keyOf(member);
          const name = key === 'value' && named?.type === 'String' ? named.value : key;
          stack.push({ node: member.value, name, inArray });
        }
        break;
      }
      case 'Array':
        for (let i = node.elements.length - 1; i >= 0; i--) stack.push({ node: node.elements[i]!.value, name, inArray: true });
        break;
      case 'String': {
        const value = node.value;
        if (name !== null && isRegionName(name)) regions.push(value);
        if (!mightBeModelRef(value)) break;
        const start = node.loc.start.offset;
        const end = node.loc.end.offset;
        const quote = text.charAt(start);
        candidates.push({
          text: value,
          start,
          end,
          fix: text.slice(start + 1, end - 1) === value ? inPlace(start + 1, value) : { start, end, prefix: quote, suffix: quote },
          role: roleOfValue(name, inArray, name !== null && isResourceName(name)),
        });
        break;
      }
      default:
        break;
    }
  }
  return { candidates, facts: { regions: [...new Set(regions)], usesBedrock: false } };
}
