/**
 * Where a string is sent to Bedrock, per ecosystem: one table that every reader consults, so that
 * a new SDK or framework is one line here and no rule changes. Names are compared as in
 * names.ts (no case, `_` or `-`).
 *
 * - `calls`: functions, methods and constructors whose model argument (`models.arg`: the
 *   position, or keyword/property names) is sent: `bedrock('...')`, `ChatBedrockConverse(model=...)`.
 * - `inputs`: request types and commands whose model field is sent:
 *   `new ConverseCommand({ modelId })`, `bedrockruntime.ConverseInput{ModelId: ...}`.
 * - `modelKeys`: keys, keyword arguments and fields that name the model a call uses.
 */

const normalize = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Keys that name the model of a request or a client (`modelId`, `model_id`, `model`, `ModelId`, ...). */
const MODEL_KEYS = new Set(
  ['modelId', 'model_id', 'model', 'modelName', 'model_name', 'modelArn', 'inferenceProfileId', 'bedrockModelId', 'llm_model', 'chat_model'].map(normalize),
);

/**
 * Commands, request types and client calls whose `modelId`-style field is sent to Bedrock: AWS SDK
 * v3 commands, boto3 and Go SDK request types and methods, Java SDK requests.
 */
const INPUTS = new Set(
  [
    'ConverseCommand',
    'ConverseStreamCommand',
    'InvokeModelCommand',
    'InvokeModelWithResponseStreamCommand',
    'InvokeModelWithBidirectionalStreamCommand',
    'CountTokensCommand',
    'StartAsyncInvokeCommand',
    'ConverseInput',
    'ConverseStreamInput',
    'InvokeModelInput',
    'InvokeModelWithResponseStreamInput',
    'CountTokensInput',
    'ConverseRequest',
    'ConverseStreamRequest',
    'InvokeModelRequest',
    'InvokeModelWithResponseStreamRequest',
    // boto3 methods, called with keyword arguments.
    'invoke_model',
    'invoke_model_with_response_stream',
    'converse',
    'converse_stream',
    'count_tokens',
    'start_async_invoke',
    // Clients and models of frameworks that take the model as a key or keyword argument.
    'ChatBedrockConverse',
    'ChatBedrock',
    'BedrockChat',
    'BedrockLLM',
    'BedrockEmbeddings',
    'BedrockConverse',
    'BedrockEmbedding',
    'BedrockModel',
    'BedrockConverseModel',
    'BedrockMultiModal',
    'Bedrock',
    'AmazonBedrockChat',
    'BedrockAnthropicChat',
  ].map(normalize),
);

/**
 * Functions whose first argument is the model ID: `@ai-sdk/amazon-bedrock`'s provider and its
 * methods, pydantic-ai's `BedrockConverseModel('...')`, a provider made by `createAmazonBedrock`.
 */
const FIRST_ARGUMENT = new Set(
  ['bedrock', 'languageModel', 'textEmbeddingModel', 'embedding', 'imageModel', 'BedrockConverseModel', 'BedrockModel'].map(normalize),
);

/** Factories that return a function whose first argument is the model ID (`createAmazonBedrock({...})`). */
const PROVIDER_FACTORIES = new Set(['createAmazonBedrock'].map(normalize));

/** A key that names one model: `modelId`, `model`, and names ending so (`defaultModelId`, `fallbackModel`). */
export const isModelKey = (name: string): boolean => {
  const normal = normalize(name);
  // LiteLLM's `model_info.base_model` only picks a price-table entry; it is never sent.
  if (normal === 'basemodel') return false;
  return MODEL_KEYS.has(normal) || /(?:model|modelid|modelname|modelarn|profileid|profilearn|inferenceprofile)$/.test(normal);
};
/** Also matches SDK types with a package prefix stripped by the caller, and `...Input` of boto3-style names. */
export const isInputSink = (name: string): boolean => INPUTS.has(normalize(name));
export const isFirstArgumentSink = (name: string): boolean => FIRST_ARGUMENT.has(normalize(name));
export const isProviderFactory = (name: string): boolean => PROVIDER_FACTORIES.has(normalize(name));

/**
 * Environment variables that name the model Claude Code (or a similar tool) sends to Bedrock when
 * `CLAUDE_CODE_USE_BEDROCK=1` is set.
 */
const CLAUDE_CODE_MODEL_VARIABLES = new Set(['ANTHROPIC_MODEL', 'ANTHROPIC_SMALL_FAST_MODEL', 'ANTHROPIC_DEFAULT_SONNET_MODEL', 'ANTHROPIC_DEFAULT_HAIKU_MODEL', 'ANTHROPIC_DEFAULT_OPUS_MODEL'].map(normalize));
export const isClaudeCodeModelVariable = (name: string): boolean => CLAUDE_CODE_MODEL_VARIABLES.has(normalize(name));
export const CLAUDE_CODE_USE_BEDROCK = /\bCLAUDE_CODE_USE_BEDROCK\s*[=:]\s*["']?(?:1|true)\b/i;

/** Calls whose string arguments are expectations of a test: `expect(...)`, `.toBe(...)`, `assertEquals(...)`. */
const ASSERTIONS = new Set(
  [
    'expect',
    'toBe',
    'toEqual',
    'toStrictEqual',
    'toContain',
    'toMatch',
    'toHaveBeenCalledWith',
    'toHaveProperty',
    'assert',
    'assertEqual',
    'assertEquals',
    'assertNotEqual',
    'assertIn',
    'assertNotIn',
    'assertIs',
    'assertTrue',
    'assertFalse',
    'assertThat',
    'isEqualTo',
    'equal',
    'equals',
    'deepEqual',
    'strictEqual',
    'deepStrictEqual',
    'notEqual',
    'is',
    'Equal',
    'Equalf',
    'NotEqual',
    'Contains',
    'Errorf',
    'Fatalf',
    'assert_eq',
    'assert_ne',
  ].map(normalize),
);
export const isAssertion = (name: string): boolean => ASSERTIONS.has(normalize(name));

/** Calls whose string argument is looked up rather than sent: `PRICES.get('...')`, `map.has('...')`, `new RegExp('...')`. */
const LOOKUPS = new Set(
  ['get', 'has', 'delete', 'getOrDefault', 'containsKey', 'RegExp', 'compile', 'match', 'fullmatch', 'search', 'MustCompile', 'Compile', 'fnmatch', 'test', 'lookup', 'setdefault', 'pop'].map(normalize),
);
export const isLookup = (name: string): boolean => LOOKUPS.has(normalize(name));

/** Calls whose string arguments are texts for people: logs, errors, docs. */
const DESCRIPTIVE = new Set(
  ['log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'print', 'println', 'printf', 'Printf', 'Println', 'Sprintf', 'format', 'Error', 'ValueError', 'RuntimeError', 'Exception', 'TypeError', 'KeyError', 'NotImplementedError', 'help', 'description', 'add_argument', 'option'].map(normalize),
);
export const isDescriptiveCall = (name: string): boolean => DESCRIPTIVE.has(normalize(name));

/**
 * Whether a file is a test by its path (relative to the project root): `*.test.ts`, `*.spec.js`,
 * `test_*.py`, `*_test.py`, `*_test.go`, `conftest.py`, `*Test.java`, `*_spec.rb`, or any file
 * under `test/`, `tests/`, `__tests__/`, `spec/`, `testdata/`, `__fixtures__/`, `fixtures/`.
 */
export function isTestPath(path: string): boolean {
  const parts = path.split(/[\\/]/);
  const name = parts.pop() ?? '';
  if (/\.(?:test|spec|e2e)\.[cm]?[jt]sx?$/i.test(name)) return true;
  if (/^test_.*\.py$|_test\.(?:py|go)$|^conftest\.py$|(?:Test|Tests|IT)\.(?:java|kt|scala)$|_spec\.rb$|_test\.rb$/.test(name)) return true;
  return parts.some((part) => /^(?:tests?|__tests__|spec|specs|testdata|__fixtures__|fixtures|__mocks__|mocks)$/i.test(part));
}

/**
 * The role of a value in a configuration file, by the key it is given to and whether it sits in a
 * list (directly, or in an entry of one): an IAM-style resource, a model setting (a model key,
 * also in an entry of a list: LiteLLM's `model_list[].litellm_params.model`), a catalog entry
 * (`models: [...]`, `[{ id: ... }]`), or unknown.
 */
export function roleOfValue(name: string | null, inList: boolean, resource: boolean): 'resource' | 'catalog' | 'setting' | 'unknown' {
  if (resource) return 'resource';
  if (name !== null && isModelKey(name)) return 'setting';
  return inList ? 'catalog' : 'unknown';
}
