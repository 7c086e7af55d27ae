/**
 * Pathological source files, shared by the bench rows (time at two sizes) and the hardening
 * tests (no crash): one huge string literal, very many literals, deeply nested template literals,
 * a YAML mapping of very many keys.
 */

/** `const s = '...'` with a literal of `bytes` characters (an ID-looking head, then filler). */
export const hugeLiteral = (bytes: number): string =>
  `export const s = 'anthropic.claude-${'x'.repeat(Math.max(0, bytes - 17))}';\n`;

/**
 * An array of `count` literals: distinct unknown IDs, real IDs and ordinary strings in turn, so
 * that every path of the classifier runs (including did-you-mean search).
 */
export function manyLiterals(count: number, realId: string): string {
  const lines = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const kind = i % 3;
    lines[i] = kind === 0 ? `  'anthropic.claude-x-${i}-v1:0',` : kind === 1 ? `  '${realId}',` : `  'errors.item${i}.missing',`;
  }
  return `export const values = [\n${lines.join('\n')}\n];\n`;
}

/** Template literals nested `depth` deep around a model ID: `a${`a${ ... }b`}b`. */
export function nestedTemplates(depth: number, id: string): string {
  let expression = `'${id}'`;
  for (let i = 0; i < depth; i++) expression = `\`a\${${expression}}b\``;
  return `export const t = ${expression};\n`;
}

/** A flat YAML mapping of `keys` keys, the last of which names `id` (the duplicate-key check made this quadratic). */
export function yamlMapping(keys: number, id: string): string {
  const lines = new Array<string>(keys);
  for (let i = 0; i < keys - 1; i++) lines[i] = `key${i}: value ${i}`;
  lines[keys - 1] = `model: ${id}`;
  return `${lines.join('\n')}\n`;
}
