/**
 * require-inference-profile: a bare ID of a model that cannot be invoked on demand in the region
 * the call is made from. AWS answers with a ValidationException; the fix is the one geography
 * profile that serves every region in play. Regions that no API listing covered are never
 * claimed: there the snapshot knows only what AWS documentation states.
 */
import { INVOKED_ROLES } from '../core/candidate.js';
import { COMMON_REGIONS } from '../classifier/classify.js';
import { defineRule } from '../core/rule.js';
import { idOf, nameAfterId, onDemandError, profileSuggestion, regionList, snapshotOf, USE_PROFILE } from './utils/reports.js';

export default defineRule({
  name: 'require-inference-profile',
  description: 'Require an inference profile ID for models that cannot be invoked on demand by their bare ID',
  severity: { recommended: 'error', strict: 'error' },
  fixable: true,
  messages: {
    profileRequired: "'{{id}}'{{model}} cannot be invoked on demand {{where}} ({{snapshot}}); use {{profile}}.",
    useProfile: USE_PROFILE,
  },
  options: {},
  defaultOptions: {},
  // Only strings that name the model a call is made with: not catalogs, look-ups, tests,
  // resources (IAM, GetFoundationModel, where the bare ID is right) or texts.
  roles: INVOKED_ROLES,
  check(verdict, { registry, candidate }) {
    const found = verdict.profileRequired;
    // A region written where the geography goes is valid-inference-profile's; a model past end of
    // life is no-end-of-life-model's (no profile of it would answer either).
    if (!found || candidate.regionAsGeography || verdict.lifecycle?.phase === 'eol') return null;
    let where: string;
    if (found.regionsKnown) where = `in ${regionList(found.failingRegions, 'and')}`;
    else if (found.onDemandRegions.length === 0) where = 'in any region';
    else where = `in ${regionList(COMMON_REGIONS)}, where most code runs`;
    // Name an example only where the region decides it; otherwise the prefix is the caller's choice.
    const example = found.fix ?? (found.regionsKnown && found.choices.length === 1 ? found.choices[0] : undefined);
    return {
      messageId: 'profileRequired',
      data: {
        id: idOf(verdict),
        // The example names the model already; without one, its name says which model it is.
        model: example ? '' : nameAfterId(verdict.model?.name),
        where,
        snapshot: snapshotOf(registry),
        profile: example ? `'${example.id}'` : 'an inference profile ID',
      },
      fix: found.fix?.text ?? null,
      suggestions: found.choices.map(profileSuggestion),
      awsError: onDemandError(verdict.ref.modelId),
    };
  },
});
