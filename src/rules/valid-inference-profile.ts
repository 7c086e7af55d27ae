/**
 * valid-inference-profile: a profile ID that AWS does not define, whose prefix is not a
 * geography, that AWS no longer lists (withdrawn), or that no region in play can call.
 */
import { INVOKED_ROLES } from '../core/candidate.js';
import type { Verdict } from '../classifier/classify.js';
import type { Registry } from '../registry/registry.js';
import { defineRule, type RuleReport } from '../core/rule.js';
import { listText } from '../util/list-text.js';
import { AWS_ERRORS, geographyList, idOf, profileSuggestion, regionList, snapshotOf, sourceList, USE_PROFILE } from './utils/reports.js';

/** `${AWS_REGION}.anthropic...`: a region is never a geography. The model's profiles are the way out. */
function regionAsGeography(verdict: Verdict, registry: Registry, id: string): RuleReport | null {
  if (!verdict.model) return null;
  const live = (registry.profilesByModel.get(verdict.model.id) ?? []).filter((p) => !p.removed);
  return {
    messageId: 'regionAsGeography',
    data: { id, geographies: listText(live.length ? live.map((p) => `'${p.geo}.'`) : [...registry.geographies.keys()].sort().map((g) => `'${g}.'`), 'or', 4) },
    fix: null,
    suggestions: [],
    awsError: AWS_ERRORS.invalidIdentifier,
  };
}

export default defineRule({
  name: 'valid-inference-profile',
  description: 'Disallow inference profile IDs that do not exist or cannot be called from the region in use',
  severity: { recommended: 'error', strict: 'error' },
  fixable: true,
  messages: {
    noSuchProfile: "'{{id}}': AWS defines no '{{geo}}.' inference profile for {{model}}{{available}} ({{snapshot}}).",
    notAGeography: "'{{id}}': '{{geo}}.' {{isNot}} an inference-profile geography; use one of {{geographies}}.",
    missingGeography: "'{{id}}': an inference profile ID starts with its geography ({{geographies}}), and this one has none.",
    regionCannotCall: "'{{id}}' can only be called from {{sourceRegions}}, not from {{regions}} ({{snapshot}}).",
    withdrawn: "'{{id}}' is no longer listed by AWS (last seen {{lastSeen}}; {{snapshot}}); {{instead}}.",
    useProfile: USE_PROFILE,
    useBareId: "Use the bare ID '{{id}}', which works on demand in {{regions}}.",
    regionAsGeography: "'{{id}}' puts a region where a profile's geography goes; use {{geographies}}.",
  },
  options: {},
  defaultOptions: {},
  // Only strings that name the model a call is made with: not catalogs, look-ups, tests,
  // resources (IAM, GetFoundationModel, where the bare ID is right) or texts.
  roles: INVOKED_ROLES,
  check(verdict, { registry, candidate }): RuleReport | null {
    if (candidate.regionAsGeography) return regionAsGeography(verdict, registry, candidate.display ?? verdict.ref.raw);
    const found = verdict.invalidProfile;
    if (!found) return null;
    const suggestions = found.choices.map((choice) =>
      choice.geo === null
        ? { messageId: 'useBareId', data: { id: choice.id, regions: regionList(verdict.regions ?? choice.sourceRegions) }, text: choice.text }
        : profileSuggestion(choice),
    );
    const base = { fix: found.fix?.text ?? null, suggestions, awsError: AWS_ERRORS.invalidIdentifier };
    const id = idOf(verdict);
    const geo = verdict.ref.geo ?? '';
    const snapshot = snapshotOf(registry);
    switch (found.reason) {
      case 'no-such-profile': {
        const existing = (registry.profilesByModel.get(verdict.ref.modelId) ?? []).filter((p) => !p.removed);
        const available = existing.length
          ? `; its profiles are ${listText(existing.map((p) => `'${p.geo}.'`), 'and')}`
          : '; it has none';
        const model = verdict.model?.name ?? 'this model';
        return { ...base, messageId: 'noSuchProfile', data: { id, geo, model, available, snapshot } };
      }
      case 'missing-geography':
        return { ...base, messageId: 'missingGeography', data: { id, geographies: geographyList(registry) } };
      case 'not-a-geography': {
        const isNot = registry.regions.has(geo) ? 'is a region, not' : 'is not';
        return { ...base, messageId: 'notAGeography', data: { id, geo, isNot, geographies: geographyList(registry) } };
      }
      case 'region-cannot-call':
        return {
          ...base,
          messageId: 'regionCannotCall',
          data: {
            id,
            sourceRegions: sourceList(verdict.profile?.sourceRegions ?? []),
            regions: regionList(verdict.regions ?? []),
            snapshot,
          },
        };
      case 'withdrawn': {
        const only = found.fix ?? (found.choices.length === 1 ? found.choices[0] : undefined);
        const instead = only
          ? `use '${only.id}'`
          : found.choices.length
            ? `use a listed profile: ${listText(found.choices.map((c) => `'${c.geo}.'`))}`
            : 'no listed profile serves the regions in play';
        return { ...base, messageId: 'withdrawn', data: { id, lastSeen: verdict.profile?.lastSeen ?? 'on an unknown date', snapshot, instead } };
      }
    }
  },
});
