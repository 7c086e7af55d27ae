/** What the two lifecycle rules share: where the phase holds, and how the replacement model is named and offered. */
import type { LifecycleFinding, Verdict } from '../../classifier/classify.js';
import type { Registry } from '../../registry/registry.js';
import type { SuggestionReport } from '../../core/rule.js';
import { idOf, nameAfterId, regionList, snapshotOf } from './reports.js';

export const REPLACE = "Replace with '{{id}}'{{model}}; a different model can behave differently.";

/** The replacement, named once: its one ID, or the model's name when there are several ways to write it. */
export function replacementOf(found: LifecycleFinding, registry: Registry): { named: string; suggestions: SuggestionReport[] } {
  const replacementName = found.replacement ? registry.models.get(found.replacement)?.name : undefined;
  // The model's name when there is one (the suggestions hold the exact IDs), else its one ID.
  const named = !found.choices.length ? '' : (replacementName ?? (found.choices.length === 1 ? `'${found.choices[0]!.id}'` : `'${found.replacement}'`));
  const suggestions = found.choices.map((choice) => ({
    messageId: 'replace',
    data: { id: choice.id, model: nameAfterId(replacementName) },
    text: choice.text,
  }));
  return { named, suggestions };
}

/**
 * Where the phase holds, as a message words it: ` in eu-west-1` when the regions in play are
 * known; ` except in ap-south-1 ...` when they are not and the snapshot states a milder phase in
 * some regions (AWS still listed the model there); else nothing (everywhere the snapshot knows).
 */
function whereOf(found: LifecycleFinding): { where: string; except: string } {
  if (found.regions?.length) return { where: ` in ${regionList(found.regions, 'and')}`, except: '' };
  if (found.notIn.length) return { where: '', except: ` except in ${regionList(found.notIn, 'and')}` };
  return { where: '', except: '' };
}

/** The message data both lifecycle rules fill: the ID, its model, where, since, the snapshot, the replacement. */
export function lifecycleData(verdict: Verdict, found: LifecycleFinding, registry: Registry) {
  const { named, suggestions } = replacementOf(found, registry);
  const { where, except } = whereOf(found);
  return {
    data: {
      id: idOf(verdict),
      // With regions to name, the ID says which model it is.
      model: where || except ? '' : nameAfterId(verdict.model?.name),
      where,
      since: found.since ? ` since ${found.since}` : '',
      except,
      snapshot: snapshotOf(registry),
      replacement: named ? `replace it with ${named}` : 'move to an active model',
    },
    suggestions,
  };
}
