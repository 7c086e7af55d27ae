/**
 * TOML, through tree-sitter: string values (keys and comments are separate nodes and never
 * candidates). Regions come from `region = "..."`-style keys.
 */
import type { Node } from 'web-tree-sitter';
import { isResourceName } from '../context/names.js';
import type { Collection } from '../core/candidate.js';
import { isModelKey } from '../context/sinks.js';
import { scanStrings } from './tree-strings.js';

const STRINGS = new Set(['string']);
const RESOURCE_DEPTH = 6;

/** The last segment of a pair's key: `model` for `bedrock.model = ...`. */
function keyOf(pair: Node): string | null {
  const key = pair.namedChild(0);
  if (!key) return null;
  const last = key.type === 'dotted_key' ? key.lastNamedChild : key;
  if (!last) return null;
  return last.type === 'quoted_key' ? last.text.slice(1, -1) : last.text;
}

/** A single-line basic string without escapes, or a literal string; no multi-line strings. */
function stringValue(node: Node, source: string): { text: string; start: number } | null {
  const raw = source.slice(node.startIndex, node.endIndex);
  const quote = raw[0];
  if (raw.length < 2 || raw.startsWith('"""') || raw.startsWith("'''") || raw.at(-1) !== quote) return null;
  const text = raw.slice(1, -1);
  return quote === '"' && text.includes('\\') ? null : { text, start: node.startIndex + 1 };
}

export const scanToml = (root: Node, source: string): Collection =>
  scanStrings(root, {
    strings: STRINGS,
    // A config file never shows that it talks to Bedrock.
    bedrockInStrings: false,
    value: (node) => stringValue(node, source),
    // Keys are nodes of their own, never strings. A value under a model key is a setting; an
    // element of an array, a catalog entry.
    contextOf: (_node, ancestors) => {
      const parent = ancestors[0]?.node;
      const name = parent?.type === 'pair' ? keyOf(parent) : null;
      const pairs = ancestors.slice(0, RESOURCE_DEPTH).filter((a) => a.node.type === 'pair');
      if (pairs.some((a) => isResourceName(keyOf(a.node) ?? ''))) return { name, role: 'resource' };
      if (parent?.type === 'array') return { name, role: 'catalog' };
      return { name, role: name !== null && isModelKey(name) ? 'setting' : 'unknown' };
    },
  });
