/**
 * YAML, through the `yaml` parser: string scalars that are values (mapping keys and comments are
 * never candidates), in every document of a stream. Regions come from `region:`-style keys; the
 * value of an IAM `Resource:`-style key (directly, or as an item of its sequence) names a model as
 * a resource, as in JSON; deeper values do not (a CloudFormation template's `Resources:` holds
 * everything). Returns null when the file is not valid YAML (a template, say), for the text
 * scanner to take.
 *
 * Duplicate keys are not looked for (`uniqueKeys: false`): the parser's check compares each key
 * of a mapping with every key before it, so that a flat mapping of 50,000 keys took 23 s to
 * read (0.6 s without it). A file with a duplicate key is read as any other; its values are
 * all judged.
 */
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, visit, type Pair, type Scalar } from 'yaml';
import { mightBeModelRef } from '../classifier/parse.js';
import { isRegionName, isResourceName } from '../context/names.js';
import { roleOfValue } from '../context/sinks.js';
import { EMPTY_COLLECTION, inPlace, type Candidate, type Collection } from '../core/candidate.js';

const pairName = (pair: Pair): string | null => (isScalar(pair.key) ? String(pair.key.value) : null);

/**
 * The name a value is given to: its key, or for `{ name: X, value: ... }` entries (Kubernetes and
 * ECS environment variables) the sibling `name`.
 */
function nameOfValue(pair: Pair, map: unknown): string | null {
  const key = pairName(pair);
  if (key !== 'value' || !isMap(map)) return key;
  const sibling = map.items.find((item) => pairName(item) === 'name');
  return sibling && isScalar(sibling.value) && typeof sibling.value.value === 'string' ? sibling.value.value : key;
}

/** Linear-time parsing: see above. */
const PARSE_OPTIONS = { uniqueKeys: false } as const;

export function scanYaml(source: string): Collection | null {
  const documents = parseAllDocuments(source, PARSE_OPTIONS);
  if (!Array.isArray(documents)) return EMPTY_COLLECTION;
  const candidates: Candidate[] = [];
  const regions: string[] = [];
  for (const document of documents) {
    if (document.errors.length) return null;
    visit(document, {
      Scalar(key, node: Scalar, path) {
        if (key === 'key' || typeof node.value !== 'string' || !node.range) return;
        const text = node.value;
        const parent = path.at(-1);
        const owned = isPair(parent) ? path.length - 1 : isSeq(parent) && isPair(path.at(-2)) ? path.length - 2 : -1;
        const name = owned < 0 ? null : nameOfValue(path[owned] as Pair, path[owned - 1]);
        if (name !== null && isRegionName(name)) regions.push(text);
        if (!mightBeModelRef(text)) return;
        const [start, end] = node.range;
        const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
        const valueStart = start + (quoted ? 1 : 0);
        const writable = node.type !== 'BLOCK_FOLDED' && node.type !== 'BLOCK_LITERAL' && source.startsWith(text, valueStart);
        const role = roleOfValue(name, path.some((ancestor) => isSeq(ancestor)), name !== null && isResourceName(name));
        candidates.push({ text, start, end, fix: writable ? inPlace(valueStart, text) : null, role });
      },
    });
  }
  return { candidates, facts: { regions, usesBedrock: false } };
}
