import type { Curated, Snapshot } from './schema.js';

/**
 * Deterministic JSON: object keys sorted, 2-space indentation, trailing newline.
 * Arrays keep their order; `normalizeSnapshot` sorts every array that is a set.
 */
export function stableStringify(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    // No prototype: a key such as `__proto__` (a model ID like any other) is kept as a key.
    const out = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = sortKeys(item);
    }
    return out;
  }
  return value;
}

const uniqueSorted = (list: readonly string[]): string[] => [...new Set(list)].sort();

/** Sorts every set-like array of a snapshot in place, so equal content serializes equally. */
export function normalizeSnapshot(snapshot: Snapshot): Snapshot {
  for (const model of Object.values(snapshot.models)) {
    if (model.inputModalities) model.inputModalities = uniqueSorted(model.inputModalities);
    if (model.outputModalities) model.outputModalities = uniqueSorted(model.outputModalities);
    if (model.endpoints) model.endpoints = uniqueSorted(model.endpoints);
    model.sources = uniqueSorted(model.sources);
    for (const region of Object.values(model.regions)) {
      region.inferenceTypes = uniqueSorted(region.inferenceTypes);
    }
  }
  for (const profile of Object.values(snapshot.profiles)) {
    profile.sourceRegions = uniqueSorted(profile.sourceRegions);
    profile.destinationRegions = uniqueSorted(profile.destinationRegions);
    profile.sources = uniqueSorted(profile.sources);
  }
  for (const geography of Object.values(snapshot.geographies)) {
    geography.sourceRegions = uniqueSorted(geography.sourceRegions);
  }
  snapshot.provenance.excluded.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return snapshot;
}

export function normalizeCurated(curated: Curated): Curated {
  curated.obsoletePatterns.sort((a, b) =>
    a.provider === b.provider ? a.contains.localeCompare(b.contains) : a.provider.localeCompare(b.provider),
  );
  return curated;
}
