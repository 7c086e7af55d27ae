/**
 * AWS's own answers to the calls the verdicts predict, verbatim (sources: the `errors` of the
 * reference facts). The live on-demand error uses a typographic apostrophe. Messages do not quote
 * them (too long for a hover); reports carry them as `awsError`, and `bedrock-lint info` shows them.
 */
export const AWS_ERRORS = {
  onDemand:
    'Invocation of model ID {{awsModelId}} with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.',
  invalidIdentifier: 'The provided model identifier is invalid.',
  endOfLife: 'This model version has reached the end of its life. Please refer to the AWS documentation for more details.',
} as const;

/** AWS's answer to an on-demand call of a model that needs an inference profile. */
export const onDemandError = (modelId: string): string => AWS_ERRORS.onDemand.replace('{{awsModelId}}', modelId);
