/**
 * valid-inference-profile: a profile ID that AWS does not define, whose prefix is not a
 * geography, or that no region in play can call.
 */
import { INVOKED_ROLES } from '../core/candidate.js';
import type { Verdict } from '../classifier/classify.js';
import type { Registry } from '../registry/registry.js';
import { defineRule, type RuleReport } from '../core/rule.js';
import { listText } from '../util/list-text.js';
import { AWS_ERRORS, geographyList, profileSuggestion, USE_PROFILE } from './utils/reports.js';

/** `${AWS_REGION}.anthropic...`: a region is never a geography. The model's profiles are the way out. */
function regionAsGeography(verdict: Verdict, registry: Registry, id: string): RuleReport | null {
  if (!verdict.model) return null;
  const live = (registry.profilesByModel.get(verdict.model.id) ?? []).filter((p) => !p.removed);
  return {
    messageId: 'regionAsGeography',
    data: { id, geographies: listText(live.length ? live.map((p) => `'${p.geo}.'`) : [...registry.geographies.keys()].sort().map((g) => `'${g}.'`)) },
    fix: null,
    suggestions: [],
  };
}

export default defineRule({
  name: 'valid-inference-profile',
  description: 'Disallow inference profile IDs that do not exist or cannot be called from the region in use',
  severity: { recommended: 'error', strict: 'error' },
  fixable: true,
  messages: {
    noSuchProfile:
      "'{{id}}': AWS defines no '{{geo}}.' inference profile for {{model}}{{available}}. AWS answers: \"" +
      AWS_ERRORS.invalidIdentifier +
      '"',
    notAGeography:
      "'{{id}}': '{{geo}}.' is not an inference-profile geography{{geoHint}} (known: {{geographies}}). AWS answers: \"" +
      AWS_ERRORS.invalidIdentifier +
      '"',
    missingGeography:
      "'{{id}}': an inference profile ID starts with its geography ({{geographies}}), and this one has none. AWS answers: \"" +
      AWS_ERRORS.invalidIdentifier +
      '"',
    regionCannotCall:
      "'{{id}}' can only be called from {{sourceRegions}}, not from {{regions}}. AWS answers: \"" +
      AWS_ERRORS.invalidIdentifier +
      '"',
    useProfile: USE_PROFILE,
    useBareId: "Use the bare ID '{{id}}', which works on demand in {{regions}}.",
    regionAsGeography:
      "'{{id}}' puts a region where an inference profile's geography goes; a profile ID starts with one of {{geographies}}. AWS answers: \"" +
      AWS_ERRORS.invalidIdentifier +
      '"',
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
        ? { messageId: 'useBareId', data: { id: choice.id, regions: listText(verdict.regions ?? []) }, text: choice.text }
        : profileSuggestion(choice),
    );
    const base = { fix: found.fix?.text ?? null, suggestions };
    const id = verdict.ref.raw;
    const geo = verdict.ref.geo ?? '';
    switch (found.reason) {
      case 'no-such-profile': {
        const existing = (registry.profilesByModel.get(verdict.ref.modelId) ?? []).filter((p) => !p.removed);
        const available = existing.length
          ? `; its profiles are ${listText(existing.map((p) => `'${p.geo}.'`), 'and')}`
          : '; it has no inference profile';
        const model = verdict.model?.name ?? verdict.ref.modelId;
        return { ...base, messageId: 'noSuchProfile', data: { id, geo, model, available } };
      }
      case 'missing-geography':
        return { ...base, messageId: 'missingGeography', data: { id, geographies: geographyList(registry) } };
      case 'not-a-geography': {
        const geoHint = registry.regions.has(geo) ? ` ('${geo}' is a region; a profile ID starts with its geography)` : '';
        return { ...base, messageId: 'notAGeography', data: { id, geo, geoHint, geographies: geographyList(registry) } };
      }
      case 'region-cannot-call':
        return {
          ...base,
          messageId: 'regionCannotCall',
          data: {
            id,
            sourceRegions: listText(verdict.profile?.sourceRegions ?? []),
            regions: listText(verdict.regions ?? []),
          },
        };
    }
  },
});
