/** Every rule of the plugin. Adding a rule: its file here, its doc in docs/rules/, its test in tests/rules/. */
import type { AnyRule } from '../core/rule.js';
import noEndOfLifeModel from './no-end-of-life-model.js';
import noLegacyModel from './no-legacy-model.js';
import noUnknownModel from './no-unknown-model.js';
import noUnlistedModel from './no-unlisted-model.js';
import requireInferenceProfile from './require-inference-profile.js';
import validInferenceProfile from './valid-inference-profile.js';

/** In the order findings on one string are listed: how it is invoked, then its lifecycle, then whether it exists. */
export const RULES: readonly AnyRule[] = [requireInferenceProfile, validInferenceProfile, noEndOfLifeModel, noLegacyModel, noUnknownModel, noUnlistedModel];
