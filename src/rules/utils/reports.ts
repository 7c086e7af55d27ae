/**
 * Pieces of reports that several rules share: how a string and a model are named, how a profile
 * is offered as a suggestion, AWS's own error texts. No rule logic lives here.
 *
 * Messages are read in an editor hover and in one line of `bedrock-lint check`: they say what is
 * wrong, where, and what to use, in at most 200 characters for real IDs. AWS's exact answer goes
 * to the report's `awsError` (the JSON and SARIF outputs, `bedrock-lint info`, the rule docs).
 */
import type { Choice, Verdict } from '../../classifier/classify.js';
import type { Registry } from '../../registry/registry.js';
import type { SuggestionReport } from '../../core/rule.js';
import { listText } from '../../util/list-text.js';

export { AWS_ERRORS, onDemandError } from '../../classifier/aws-errors.js';

/** The regions in play as a message names them: one or two, or the first and how many more. */
export const regionList = (regions: readonly string[], conjunction = 'or'): string =>
  listText(regions, conjunction, regions.length > 2 ? 1 : 2);

/** A profile's source regions as a message names them: up to three, or the first two and how many more. */
export const sourceList = (regions: readonly string[]): string => listText(regions, 'or', regions.length > 3 ? 2 : 3);

/**
 * The string as a message names it: the profile or model ID without an ARN head or a LiteLLM
 * route (the report's range shows the whole string; an ARN's account stays out of messages).
 */
export const idOf = (verdict: Verdict): string =>
  verdict.ref.geo === null ? verdict.ref.modelId : `${verdict.ref.geo}.${verdict.ref.modelId}`;

/** ` (Claude Sonnet 4.5)` after an ID, or nothing when the name is not known. */
export const nameAfterId = (name: string | null | undefined): string => (name ? ` (${name})` : '');

/** `snapshot of 2026-09-07`: every finding that rests on the snapshot names its date. */
export const snapshotOf = (registry: Registry): string => `snapshot of ${registry.asOf}`;

const reach = (choice: Choice): string =>
  choice.geo === 'global'
    ? 'routes to any commercial region; it changes where data is processed'
    : `callable from ${listText(choice.sourceRegions, 'or', 4)}`;

/** The message template every rule that offers a profile uses. */
export const USE_PROFILE = "Use the {{geo}} inference profile '{{id}}' ({{reach}}).";

export const profileSuggestion = (choice: Choice): SuggestionReport => ({
  messageId: 'useProfile',
  data: { id: choice.id, geo: choice.geo ?? '', reach: reach(choice) },
  text: choice.text,
});

export const geographyList = (registry: Registry): string => [...registry.geographies.keys()].sort().join(', ');
