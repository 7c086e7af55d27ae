/**
 * What every rule does once it has its options: collect candidate strings, ask the classifier for
 * each at the end of the file, and report what the finding says. Rules differ only in their name,
 * meta and options.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { classify, type Verdict } from '../../classifier/classify.js';
import type { Registry } from '../../registry/registry.js';
import { findingFor, type FindingOptions } from '../../report/findings.js';
import type { RuleName } from '../../report/messages.js';
import { collectCandidates, type Candidate } from './candidates.js';
import { DAY_MS } from '../../util/day.js';
import { clockFor, configuredRegions, registryFor, type RegionOptions } from './settings.js';

const CACHE_LIMIT = 10_000;
/** Verdicts by registry, then by the regions and day they were made for, then by string. */
const verdicts = new WeakMap<Registry, Map<string, Map<string, Verdict | null>>>();
let cachedCount = 0;

/**
 * Verdicts are shared by the four rules (and by every file of a run) through a bounded cache:
 * the same string in the same regions on the same day gets the same verdict. The table for a
 * file's regions and day is looked up once per file; each string is then one Map lookup (the
 * strings come from the AST, so their hashes are computed once).
 */
function verdictTable(registry: Registry, regions: readonly string[], now: Date): Map<string, Verdict | null> {
  let byContext = verdicts.get(registry);
  if (!byContext) verdicts.set(registry, (byContext = new Map()));
  const key = `${regions.join(',')}\0${Math.floor(now.getTime() / DAY_MS)}`;
  let table = byContext.get(key);
  if (!table) byContext.set(key, (table = new Map()));
  return table;
}

function cachedClassify(
  table: Map<string, Verdict | null>,
  text: string,
  registry: Registry,
  regions: readonly string[],
  now: Date,
): Verdict | null {
  let verdict = table.get(text);
  if (verdict === undefined) {
    verdict = classify(text, registry, { regions, now });
    if (++cachedCount > CACHE_LIMIT) {
      verdicts.get(registry)?.clear();
      cachedCount = 1;
    }
    table.set(text, verdict);
  }
  return verdict;
}

/** The source text of a string node holding `value`, with the node's own quotes. */
function quoted(node: Candidate['node'], value: string, sourceCode: Readonly<TSESLint.SourceCode>): string {
  if (node.type === 'String') return JSON.stringify(value);
  if (node.type === 'TemplateLiteral') return `\`${value}\``;
  const quote = sourceCode.getText(node as TSESTree.Node).charAt(0);
  return `${quote}${value}${quote}`;
}

export function runRule<MessageIds extends string>(
  context: Readonly<TSESLint.RuleContext<MessageIds, readonly unknown[]>>,
  ruleName: RuleName,
  options: RegionOptions & FindingOptions,
): TSESLint.RuleListener {
  const registry = registryFor(context);
  const configured = configuredRegions(context, options, registry);
  const now = clockFor(context);
  const sourceCode = context.sourceCode;

  return collectCandidates(context, registry, (candidates, facts) => {
    if (candidates.length === 0) return;
    const regions = configured.length ? configured : facts.clientRegions.filter((r) => registry.regions.has(r));
    const table = verdictTable(registry, regions, now);
    for (const candidate of candidates) {
      const verdict = cachedClassify(table, candidate.text, registry, regions, now);
      if (!verdict) continue;
      const finding = findingFor(ruleName, verdict, registry, {
        ...options,
        resource: candidate.resource,
        firstPartyNames: facts.usesBedrock,
      });
      if (!finding) continue;
      const node = candidate.node as TSESTree.Node;
      const fixText = finding.fix;
      context.report({
        node,
        messageId: finding.messageId as MessageIds,
        data: finding.data,
        ...(fixText === null
          ? {}
          : { fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(node, quoted(candidate.node, fixText, sourceCode)) }),
        suggest: finding.suggestions.map((suggestion) => ({
          messageId: suggestion.messageId as MessageIds,
          data: suggestion.data,
          fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(node, quoted(candidate.node, suggestion.text, sourceCode)),
        })),
      });
    }
  });
}
