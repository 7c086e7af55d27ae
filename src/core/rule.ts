/**
 * What a rule is: one file under src/rules/ that holds its docs meta, its default severity per
 * config, its messages, its options, the roles of strings it judges, and the step from a verdict
 * to what it reports. Front ends (the ESLint adapter, the checker, SARIF, the docs) iterate the
 * same list of these; none of them knows a rule by name.
 */
import type { Verdict } from '../classifier/classify.js';
import type { Registry } from '../registry/registry.js';
import type { Candidate, FileFacts, Role } from './candidate.js';

export type Severity = 'error' | 'warn';
export type ConfigName = 'recommended' | 'strict';

/** JSON schema of one option (a subset of what ESLint accepts; enough for this plugin's options). */
export type OptionSchema = Readonly<Record<string, unknown>>;

/** A suggestion: the new string value, and its message. */
export interface SuggestionReport {
  readonly messageId: string;
  readonly data: Readonly<Record<string, string>>;
  /** The full new string value. */
  readonly text: string;
}

/** What a rule says about one string. */
export interface RuleReport {
  readonly messageId: string;
  readonly data: Readonly<Record<string, string>>;
  /** The full new string value of the certain fix, or null when a person must choose. */
  readonly fix: string | null;
  readonly suggestions: readonly SuggestionReport[];
  /** AWS's exact answer to the call, when it is known: kept out of the message, shown by JSON, SARIF and `info`. */
  readonly awsError?: string;
}

/** What a rule's `check` gets besides the verdict. */
export interface CheckContext<Options> {
  readonly registry: Registry;
  readonly options: Options;
  readonly candidate: Candidate;
  readonly facts: FileFacts;
}

export interface BedrockRule<Options extends object = object> {
  readonly name: string;
  readonly description: string;
  /** Severity in each config; absent from a config: not in it (`all` has every rule as an error). */
  readonly severity: Readonly<Partial<Record<ConfigName, Severity>>>;
  /** Whether `check` can return a certain fix. */
  readonly fixable: boolean;
  /** Message templates by ID, with `{{name}}` placeholders. */
  readonly messages: Readonly<Record<string, string>>;
  /** Properties of the rule's one options object (the `region`/`regions` options are added to every rule). */
  readonly options: Readonly<Record<string, OptionSchema>>;
  readonly defaultOptions: Options;
  /** The roles of strings the rule judges (see Role); the judge hands it no others. */
  readonly roles: readonly Role[];
  /** From a verdict to what the rule reports, or null when it has nothing to say. */
  check(verdict: Verdict, context: CheckContext<Options>): RuleReport | null;
}

/** Declares a rule; the identity function, for type inference of its options. */
export const defineRule = <Options extends object>(rule: BedrockRule<Options>): BedrockRule<Options> => rule;

/** Fills `{{name}}` placeholders, as ESLint does. */
export function formatMessage(template: string, data: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) => data[name] ?? whole);
}

/** A rule whatever its options, as lists of rules hold them (`check` is a method: its options are compared bivariantly). */
export type AnyRule = BedrockRule<object>;

/** The text of a rule's message. */
export const messageOf = (rule: AnyRule, messageId: string, data: Readonly<Record<string, string>>): string =>
  formatMessage(rule.messages[messageId] ?? messageId, data);
