/**
 * The one shape every reader hands to the judge: a string that might name a model, where it is,
 * how a fix would be written, and what the reader knows of what the code does with it. Readers
 * (ESTree, JSON, tree-sitter languages, the text scanner) decide the role; rules never climb a
 * tree again.
 */

/**
 * What the code does with a string:
 * - `sent`: passed to a Bedrock call (directly, or through a same-file constant or variable);
 * - `setting`: a standalone constant, default or config value that names one model;
 * - `catalog`: an element of a collection of model IDs, or a key or value of a lookup table;
 * - `lookup`: a look-up key, regex source or comparison operand (`PRICES['...']`, `id === '...'`);
 * - `test`: an assertion argument, or any string of a file that is a test by its path;
 * - `descriptive`: log and error texts, docs;
 * - `resource`: names a model as a resource (IAM, control-plane calls): the bare ID is right there.
 * - `unknown`: the reader cannot tell; treated like `setting`.
 */
export type Role = 'sent' | 'setting' | 'catalog' | 'lookup' | 'test' | 'descriptive' | 'resource' | 'unknown';

/** How a fix is written: `[start, end)` of the source is replaced by `prefix + value + suffix`. */
export interface FixTarget {
  readonly start: number;
  readonly end: number;
  readonly prefix: string;
  readonly suffix: string;
}

export interface Candidate {
  /** The string value. */
  readonly text: string;
  /** The range reported: the literal with its quotes, as ESLint reports a string node. */
  readonly start: number;
  readonly end: number;
  /** Where a new value is written; null when it cannot be written in place (escapes, folding). */
  readonly fix: FixTarget | null;
  readonly role: Role;
  /**
   * Regions this string's own call is made from, when the reader ties it to one client (a file
   * that builds several clients); null: the file's regions apply.
   */
  readonly regions?: readonly string[] | null;
}

/** What a reader learns about a whole file. */
export interface FileFacts {
  /** Region names the file states for its Bedrock calls (unchecked: the judge keeps known ones). */
  readonly regions: readonly string[];
  /** Whether the file talks to Bedrock (imports or creates a Bedrock client), and not to Anthropic's API. */
  readonly usesBedrock: boolean;
}

/** A reader's answer for one file. */
export interface Collection {
  readonly candidates: readonly Candidate[];
  readonly facts: FileFacts;
}

export const NO_FACTS: FileFacts = { regions: [], usesBedrock: false };
export const EMPTY_COLLECTION: Collection = { candidates: [], facts: NO_FACTS };

/** A fix target for a value written verbatim at `valueStart` (no quotes to add). */
export const inPlace = (valueStart: number, text: string): FixTarget => ({
  start: valueStart,
  end: valueStart + text.length,
  prefix: '',
  suffix: '',
});

/** Every role; rules list the ones they judge. */
export const ALL_ROLES: readonly Role[] = ['sent', 'setting', 'catalog', 'lookup', 'test', 'descriptive', 'resource', 'unknown'];

/** Strings that name the model a call is made with: the profile rules judge these only. */
export const INVOKED_ROLES: readonly Role[] = ['sent', 'setting', 'unknown'];

/** Strings whose lifecycle matters: all but texts for people and look-up keys. */
export const LIFECYCLE_ROLES: readonly Role[] = ALL_ROLES.filter((role) => role !== 'descriptive' && role !== 'lookup');

/**
 * Roles whose strings `--fix` may rewrite: never a look-up key, a catalog entry, a regex, a test
 * expectation or a resource, where a rewritten ID would no longer match what the program expects.
 */
export const FIXABLE_ROLES: readonly Role[] = INVOKED_ROLES;

/**
 * A collection of a file that is a test by its path: every string is a test's, but one sent to
 * Bedrock (an integration test's real call).
 */
export const asTestFile = (collection: Collection): Collection =>
  collection.candidates.length === 0
    ? collection
    : { ...collection, candidates: collection.candidates.map((c) => (c.role === 'sent' || c.role === 'test' ? c : { ...c, role: 'test' })) };
