/**
 * JSON (and JSONC, JSON5), through momoa: string values (member names never are). As in the
 * ESLint JSON path, regions come from `"region"`-style members anywhere in the file, and a string
 * that is the value of an IAM `Resource`-style member (directly, or as an element of its array)
 * names a model as a resource; deeper strings do not (a CloudFormation template's `Resources`
 * holds everything). Returns null when the file does not parse.
 */
import { parse, type AnyNode } from '@humanwhocodes/momoa';
import { mightBeModelRef } from '../../classifier/parse.js';
import { isRegionName, isResourceName } from '../../context/names.js';
import type { Candidate, Scan } from '../types.js';

export function scanJson(source: string, json5: boolean): Scan | null {
  let root: AnyNode;
  try {
    root = parse(source, json5 ? { mode: 'json5' } : { mode: 'jsonc', allowTrailingCommas: true });
  } catch {
    return null;
  }
  const candidates: Candidate[] = [];
  const regions: string[] = [];
  // `name`: the member a value belongs to, directly or as an element of the member's array.
  const stack: { node: AnyNode; name: string | null }[] = [{ node: root, name: null }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, name } = item;
    switch (node.type) {
      case 'Document':
        stack.push({ node: node.body, name });
        break;
      case 'Object':
        for (let i = node.members.length - 1; i >= 0; i--) {
          const member = node.members[i]!;
          stack.push({ node: member.value, name: member.name.type === 'String' ? member.name.value : member.name.name });
        }
        break;
      case 'Array':
        for (let i = node.elements.length - 1; i >= 0; i--) stack.push({ node: node.elements[i]!.value, name });
        break;
      case 'String': {
        const text = node.value;
        if (name !== null && isRegionName(name)) regions.push(text);
        if (!mightBeModelRef(text)) break;
        const start = node.loc.start.offset;
        const end = node.loc.end.offset;
        const inPlace = source.slice(start + 1, end - 1) === text;
        const resource = name !== null && isResourceName(name);
        candidates.push({ text, start, end, valueStart: inPlace ? start + 1 : null, resource });
        break;
      }
      default:
        break;
    }
  }
  return { candidates, regions, usesBedrock: false };
}
