/**
 * The one piece of state the ESLint rules share, made explicit: what the reader collected in a
 * file, kept per file (by ESLint's SourceCode object) so that the first rule to finish a file
 * collects and the others reuse it. Entries go when ESLint drops the SourceCode.
 */
import type { SourceCode } from 'eslint';
import type { TSESTree } from '@typescript-eslint/types';
import type { AnyNode } from '@humanwhocodes/momoa';
import { mayQuoteModel, sourceModelOffsets } from '../classifier/prefilter.js';
import type { Registry } from '../registry/registry.js';
import { asTestFile, EMPTY_COLLECTION, type Collection } from '../core/candidate.js';
import { isTestPath } from '../context/sinks.js';
import { collectEstree } from '../readers/estree.js';
import { collectJson } from '../readers/json.js';

type AnySourceCode = Pick<SourceCode, 'text' | 'ast'> & { visitorKeys?: SourceCode['visitorKeys'] };

interface FileEntry {
  /** The pre-filter's matches (JavaScript), or null for a JSON file. */
  readonly offsets: readonly number[] | null;
  collection?: Collection;
}

const files = new WeakMap<object, FileEntry>();

const isJson = (sourceCode: AnySourceCode): boolean => (sourceCode.ast as { type: string }).type === 'Document';

/**
 * Whether a file can hold a string the rules judge at all (one linear pass of a regular
 * expression, once per file): most files cannot, and then no rule listens to anything.
 */
export function mayHoldCandidates(sourceCode: AnySourceCode, registry: Registry): boolean {
  let entry = files.get(sourceCode);
  if (!entry) {
    const offsets = isJson(sourceCode) ? (mayQuoteModel(sourceCode.text, registry) ? null : []) : sourceModelOffsets(sourceCode.text, registry);
    entry = offsets?.length === 0 ? { offsets, collection: EMPTY_COLLECTION } : { offsets };
    files.set(sourceCode, entry);
  }
  return entry.collection !== EMPTY_COLLECTION;
}

/** The file's collection, collected by the first rule that asks (at the end of its traversal); `path` is relative to the project. */
export function collectionOf(sourceCode: AnySourceCode, registry: Registry, path: string): Collection {
  if (!mayHoldCandidates(sourceCode, registry)) return EMPTY_COLLECTION;
  const entry = files.get(sourceCode)!;
  entry.collection ??= readFile(sourceCode, entry.offsets);
  if (isTestPath(path)) entry.collection = asTestFile(entry.collection);
  return entry.collection;
}

function readFile(sourceCode: AnySourceCode, offsets: readonly number[] | null): Collection {
  return offsets === null
    ? collectJson(sourceCode.ast as unknown as AnyNode, sourceCode.text)
      : collectEstree(
          {
            ast: sourceCode.ast as unknown as TSESTree.Node,
            text: sourceCode.text,
            visitorKeys: sourceCode.visitorKeys as Record<string, readonly string[]> | undefined,
          },
          offsets,
        );
}
