/**
 * Applies certain fixes to a text, as ESLint's autofix does: in source order, skipping any fix
 * that overlaps one already applied.
 */
import type { Replacement } from './types.js';

export function applyFixes(text: string, fixes: readonly Replacement[]): { output: string; applied: Replacement[] } {
  const sorted = [...fixes].sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: Replacement[] = [];
  let output = '';
  let last = 0;
  for (const fix of sorted) {
    if (fix.start < last) continue;
    output += text.slice(last, fix.start) + fix.text;
    last = fix.end;
    applied.push(fix);
  }
  return { output: output + text.slice(last), applied };
}
