/**
 * Message texts of every rule, shared by the ESLint rules (`meta.messages`) and the CLI checker,
 * so that both say the same thing. Placeholders are filled by `findings.ts`.
 */

/** AWS's own error texts (the live on-demand error uses a typographic apostrophe). */
export const AWS_ERRORS = {
  onDemand:
    'Invocation of model ID {{awsModelId}} with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.',
  invalidIdentifier: 'The provided model identifier is invalid.',
  endOfLife: 'This model version has reached the end of its life. Please refer to the AWS documentation for more details.',
} as const;

export const MESSAGES = {
  'require-inference-profile': {
    profileRequired:
      "'{{id}}'{{model}} cannot be invoked on demand {{where}}. AWS answers: \"" +
      AWS_ERRORS.onDemand +
      '" Use a cross-region inference profile ID{{example}}.',
    useProfile: "Use the {{geo}} inference profile '{{id}}' ({{reach}}).",
  },
  'valid-inference-profile': {
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
    useProfile: "Use the {{geo}} inference profile '{{id}}' ({{reach}}).",
    useBareId: "Use the bare ID '{{id}}', which works on demand in {{regions}}.",
  },
  'no-legacy-model': {
    legacy:
      "'{{id}}'{{model}} is a Legacy model{{since}}{{until}} (lifecycle data as of {{asOf}}). New customers cannot use it and existing ones lose access after inactivity; move to an active model{{replacementHint}}.",
    endOfLife:
      "'{{id}}'{{model}} is past end of life{{since}} (lifecycle data as of {{asOf}}). AWS answers: \"" +
      AWS_ERRORS.endOfLife +
      '"{{replacementHint}}',
    replace: "Replace with '{{id}}'{{model}}; a different model can behave differently.",
  },
  'no-unknown-model': {
    unknownModel:
      "'{{id}}' is not a Bedrock model ID known to the snapshot of {{asOf}}.{{didYouMean}} AWS answers: \"" +
      AWS_ERRORS.invalidIdentifier +
      '"',
    firstPartyName:
      "'{{id}}' is Anthropic's own API name; Bedrock calls this model '{{bedrockId}}'. AWS answers: \"" +
      AWS_ERRORS.invalidIdentifier +
      '"',
    didYouMean: "Use '{{id}}'.",
  },
} as const;

export type RuleName = keyof typeof MESSAGES;
export const RULE_NAMES = Object.keys(MESSAGES) as RuleName[];
export type MessageId<R extends RuleName> = keyof (typeof MESSAGES)[R] & string;

/** Fills `{{name}}` placeholders, as ESLint does. */
export function formatMessage(template: string, data: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) => data[name] ?? whole);
}
