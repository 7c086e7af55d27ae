/**
 * What a name next to a string says about it, in any language: the name a value is given to
 * (a keyword argument, a mapping key, an assignment, a struct field, a CLI flag) tells whether
 * the string is a region, names a model as a resource rather than as the model to invoke, or is
 * a piece of an ID a call searches for.
 * Names are compared without case, `_` or `-`, so `region_name`, `RegionName` and `--region`
 * are one name.
 */

const normalize = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Names under which a file states the region it calls Bedrock from. */
const REGION_NAMES = new Set(
  ['region', 'region_name', 'aws_region', 'aws_region_name', 'AWS_DEFAULT_REGION', 'WithRegion'].map(normalize),
);

/**
 * Names whose strings name a model as a resource: IAM policy resources, and the control-plane
 * calls and Terraform data sources that look a foundation model up, where the bare ID is right.
 */
const RESOURCE_NAMES = new Set(
  [
    'Resource',
    'Resources',
    'NotResource',
    'not_resources',
    'modelIdentifier',
    'baseModelIdentifier',
    'GetFoundationModel',
    'GetFoundationModelAvailability',
    'CreateModelCustomizationJob',
    'CreateProvisionedModelThroughput',
    'fromFoundationModelId',
    'FoundationModelIdentifier',
    'aws_bedrock_foundation_model',
    'aws_bedrock_foundation_models',
    'aws_bedrock_custom_model',
    'aws_bedrock_provisioned_model_throughput',
  ].map(normalize),
);

/**
 * Functions and methods whose string arguments are pieces of an ID to look for, not IDs that are
 * sent: `startswith` (Python), `start_with?` (Ruby), `HasPrefix` (Go), `starts_with` (Rust), ...
 */
const SEARCH_NAMES = new Set(
  [
    'startsWith',
    'endsWith',
    'start_with?',
    'end_with?',
    'HasPrefix',
    'HasSuffix',
    'includes',
    'include?',
    'contains',
    'indexOf',
    'lastIndexOf',
    'index',
    'rindex',
    'find',
    'rfind',
    'split',
    'rsplit',
    'replace',
    'replaceAll',
    'removeprefix',
    'removesuffix',
    'TrimPrefix',
    'TrimSuffix',
    'strip_prefix',
    'strip_suffix',
  ].map(normalize),
);

/** Functions and methods that compare strings: `equals`, `eql?`, Go's `strings.EqualFold`. */
const COMPARISON_NAMES = new Set(['equals', 'equalsIgnoreCase', 'eql?', 'equal?', 'EqualFold'].map(normalize));

/** Client names, service names and imports that show a file talks to Bedrock. */
const BEDROCK_MARKER = /bedrock|langchain[_/-]aws/i;

/** `region`, `region_name`, `AWS_REGION`, and names ending so (`BEDROCK_REGION`, `defaultRegion`). */
export const isRegionName = (name: string): boolean => {
  const normal = normalize(name);
  return REGION_NAMES.has(normal) || normal.endsWith('region') || normal.endsWith('regionname');
};

/** Also matches SDK request types (`GetFoundationModelInput`) and snake_case calls. */
export const isResourceName = (name: string): boolean => {
  const normal = normalize(name);
  return RESOURCE_NAMES.has(normal) || (normal.endsWith('input') && RESOURCE_NAMES.has(normal.slice(0, -5)));
};

/** Whether a call's string arguments are searched for rather than sent (see SEARCH_NAMES). */
export const isSearchName = (name: string): boolean => SEARCH_NAMES.has(normalize(name));

/** Whether a call compares its string arguments: they name a model, they do not invoke one. */
export const isComparisonName = (name: string): boolean => COMPARISON_NAMES.has(normalize(name));

export const mentionsBedrock = (text: string): boolean => BEDROCK_MARKER.test(text);
