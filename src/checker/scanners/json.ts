/**
 * JSON (and JSONC, JSON5), through momoa: string values (member names never are). Regions come
 * from `"region"`-style members anywhere in the file, as in the ESLint JSON path; strings under
 * IAM `Resource` members name a model as a resource. Returns null when the file does not parse.
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
  const stack: { node: AnyNode; name: string | null; resource: boolean }[] = [{ node: root, name: null, resource: false }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, name, resource } = item;
    switch (node.type) {
      case 'Document':
        stack.push({ node: node.body, name, resource });
        break;
      case 'Object':
        for (let i = node.members.length - 1; i >= 0; i--) {
          const member = node.members[i]!;
          const key = member.name.type === 'String' ? member.name.value : member.name.name;
          stack.push({ node: member.value, name: key, resource: resource || isResourceName(key) });
        }
        break;
      case 'Array':
        for (let i = node.elements.length - 1; i >= 0; i--) stack.push({ node: node.elements[i]!.value, name, resource });
        break;
      case 'String': {
        const text = node.value;
        if (name !== null && isRegionName(name)) regions.push(text);
        if (!mightBeModelRef(text)) break;
        const start = node.loc.start.offset;
        const end = node.loc.end.offset;
        const inPlace = source.slice(start + 1, end - 1) === text;
        candidates.push({ text, start, end, valueStart: inPlace ? start + 1 : null, resource });
        break;
      }
      default:
        break;
    }
  }
  return { candidates, regions, usesBedrock: false };
}
