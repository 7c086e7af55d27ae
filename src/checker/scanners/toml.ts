/**
 * TOML, through tree-sitter: string values (keys and comments are separate nodes and never
 * candidates). Regions come from `region = "..."`-style keys.
 */
import type { Node } from 'web-tree-sitter';
import { mightBeModelRef } from '../../classifier/parse.js';
import { isRegionName, isResourceName } from '../context.js';
import { ancestors, visitNodes } from '../tree-sitter.js';
import type { Candidate, Scan } from '../types.js';

const TYPES = new Set(['string']);
const RESOURCE_DEPTH = 6;

/** The last segment of a pair's key: `model` for `bedrock.model = ...`. */
function keyOf(pair: Node): string | null {
  const key = pair.namedChild(0);
  if (!key) return null;
  const last = key.type === 'dotted_key' ? key.lastNamedChild : key;
  if (!last) return null;
  return last.type === 'quoted_key' ? last.text.slice(1, -1) : last.text;
}

export function scanToml(root: Node, source: string): Scan {
  const candidates: Candidate[] = [];
  const regions: string[] = [];
  visitNodes(root, TYPES, (node) => {
    const raw = source.slice(node.startIndex, node.endIndex);
    const quote = raw[0];
    // Single-line basic strings without escapes, and literal strings; no multi-line strings.
    if (raw.length < 2 || raw.startsWith('"""') || raw.startsWith("'''") || raw.at(-1) !== quote) return;
    const text = raw.slice(1, -1);
    if (quote === '"' && text.includes('\\')) return;
    const pair = node.parent?.type === 'pair' ? node.parent : null;
    const name = pair ? keyOf(pair) : null;
    if (name !== null && isRegionName(name)) regions.push(text);
    if (!mightBeModelRef(text)) return;
    let resource = false;
    for (const ancestor of ancestors(node, RESOURCE_DEPTH)) {
      if (ancestor.type === 'pair' && isResourceName(keyOf(ancestor) ?? '')) resource = true;
    }
    candidates.push({ text, start: node.startIndex, end: node.endIndex, valueStart: node.startIndex + 1, resource });
  });
  return { candidates, regions, usesBedrock: false };
}
