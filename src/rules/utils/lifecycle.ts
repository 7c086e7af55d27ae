/** What the two lifecycle rules share: how the replacement model is named and offered. */
import type { LifecycleFinding } from '../../classifier/classify.js';
import type { Registry } from '../../registry/registry.js';
import type { SuggestionReport } from '../../core/rule.js';
import { nameAfterId } from './reports.js';

export const REPLACE = "Replace with '{{id}}'{{model}}; a different model can behave differently.";

/** The replacement, named once: its one ID, or the model's name when there are several ways to write it. */
export function replacementOf(found: LifecycleFinding, registry: Registry): { named: string; suggestions: SuggestionReport[] } {
  const replacementName = found.replacement ? registry.models.get(found.replacement)?.name : undefined;
  const named =
    found.choices.length === 1
      ? `'${found.choices[0]!.id}'`
      : found.choices.length > 1
        ? (replacementName ?? `'${found.replacement}'`)
        : '';
  const suggestions = found.choices.map((choice) => ({
    messageId: 'replace',
    data: { id: choice.id, model: nameAfterId(replacementName) },
    text: choice.text,
  }));
  return { named, suggestions };
}
