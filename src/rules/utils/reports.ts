/**
 * Pieces of reports that several rules share: how a profile is offered as a suggestion, and how
 * a model is named after its ID. No rule logic lives here.
 */
import type { Choice } from '../../classifier/classify.js';
import type { Registry } from '../../registry/registry.js';
import type { SuggestionReport } from '../../core/rule.js';
import { listText } from '../../util/list-text.js';

/** AWS's own error texts (the live on-demand error uses a typographic apostrophe). */
export const AWS_ERRORS = {
  onDemand:
    'Invocation of model ID {{awsModelId}} with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.',
  invalidIdentifier: 'The provided model identifier is invalid.',
  endOfLife: 'This model version has reached the end of its life. Please refer to the AWS documentation for more details.',
} as const;

/** ` (Claude Sonnet 4.5)` after an ID, or nothing when the name is not known. */
export const nameAfterId = (name: string | null | undefined): string => (name ? ` (${name})` : '');

const reach = (choice: Choice): string =>
  choice.geo === 'global'
    ? 'routes to any commercial region; it changes where data is processed'
    : `callable from ${listText(choice.sourceRegions)}`;

/** The message template every rule that offers a profile uses. */
export const USE_PROFILE = "Use the {{geo}} inference profile '{{id}}' ({{reach}}).";

export const profileSuggestion = (choice: Choice): SuggestionReport => ({
  messageId: 'useProfile',
  data: { id: choice.id, geo: choice.geo ?? '', reach: reach(choice) },
  text: choice.text,
});

export const geographyList = (registry: Registry): string => [...registry.geographies.keys()].sort().join(', ');
