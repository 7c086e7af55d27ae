/**
 * Java `.properties` files (Spring AI's `spring.ai.bedrock.converse.chat.options.model=...`) and
 * INI-style `.ini`/`.cfg` files: one `key = value` (or `key: value`) per line, `#`/`!` (properties)
 * or `;`/`#` (INI) comments, `[section]` headers. A value is named by the last dotted segment of
 * its key: `...options.model` is a model setting, `...aws.region` states the region. Linear: one
 * pass over the lines.
 */
import { mightBeModelRef } from '../classifier/parse.js';
import { isRegionName, isResourceName, mentionsBedrock } from '../context/names.js';
import { roleOfValue } from '../context/sinks.js';
import { inPlace, type Candidate, type Collection } from '../core/candidate.js';

export type PropertiesFlavor = 'properties' | 'ini';

export function scanProperties(source: string, flavor: PropertiesFlavor): Collection {
  const candidates: Candidate[] = [];
  const regions: string[] = [];
  let usesBedrock = false;
  const comment = flavor === 'properties' ? /^[#!]/ : /^[;#]/;
  for (let start = 0; start < source.length; ) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    const line = source.slice(start, end).replace(/\r$/, '');
    const lineStart = start;
    start = end + 1;
    const indent = line.length - line.trimStart().length;
    const body = line.slice(indent);
    if (!body || comment.test(body) || (flavor === 'ini' && body.startsWith('['))) continue;
    const separator = body.search(/[=:]/);
    if (separator <= 0) continue;
    const key = body.slice(0, separator).trim();
    const rest = body.slice(separator + 1);
    const value = rest.trim();
    // A continued value, or one spelled with escapes: not a plain ID.
    if (!value || value.includes('\\')) continue;
    if (mentionsBedrock(key)) usesBedrock = true;
    const name = key.split('.').at(-1) ?? key;
    if (isRegionName(name)) regions.push(value);
    if (!mightBeModelRef(value)) continue;
    const valueStart = lineStart + indent + separator + 1 + (rest.length - rest.trimStart().length);
    candidates.push({
      text: value,
      start: valueStart,
      end: valueStart + value.length,
      fix: inPlace(valueStart, value),
      role: roleOfValue(name, false, isResourceName(name)),
    });
  }
  return { candidates, facts: { regions, usesBedrock } };
}
