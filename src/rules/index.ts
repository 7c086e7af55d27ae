import noLegacyModel from './no-legacy-model.js';
import noUnknownModel from './no-unknown-model.js';
import requireInferenceProfile from './require-inference-profile.js';
import validInferenceProfile from './valid-inference-profile.js';

export const rules = {
  'no-legacy-model': noLegacyModel,
  'no-unknown-model': noUnknownModel,
  'require-inference-profile': requireInferenceProfile,
  'valid-inference-profile': validInferenceProfile,
};
