/** `a`, `a or b`, `a, b or c` (at most `max` items, then `and N more`). */
export function listText(items: readonly string[], conjunction = 'or', max = 6): string {
  if (items.length === 0) return '';
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  if (shown.length === 1) return shown[0]!;
  return `${shown.slice(0, -1).join(', ')} ${conjunction} ${shown.at(-1)}`;
}
