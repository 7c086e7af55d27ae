/**
 * The ESLint adapter: one stateless function that makes an ESLint rule object of a rule of the
 * core (in the manner of typescript-eslint's RuleCreator). The rule's `create` reads the settings,
 * asks the per-file cache for the file's candidates at the end of the traversal, and reports what
 * the one judge says, with ESLint's fixes and suggestions.
 */
import type { Rule } from 'eslint';
import { relative } from 'node:path';
import type { AnyRule } from '../core/rule.js';
import { docsUrl } from '../core/docs-url.js';
import { judgeOne, type Replacement } from '../core/judge.js';
import { collectionOf, mayHoldCandidates } from './file-cache.js';
import { clockFor, configuredRegions, regionOptionSchema, registryFor, type RegionOptions } from './settings.js';


/** `meta.docs` of this plugin's rules: ESLint's, with the severity per config (read by the docs generator). */
export interface BedrockRuleDocs {
  description: string;
  url: string;
  /** Severity in the `recommended` config; absent: only in `strict` and `all`. */
  recommended?: 'error' | 'warn';
  /** Severity in the `strict` config. */
  strict?: 'error' | 'warn';
}

const toFix = (replacement: Replacement): Rule.ReportFixer => (fixer) =>
  fixer.replaceTextRange([replacement.start, replacement.end], replacement.text);

export function toEslintRule(rule: AnyRule): Rule.RuleModule {
  const docs: BedrockRuleDocs = { description: rule.description, url: docsUrl(rule.name), ...rule.severity };
  return {
    meta: {
      type: 'problem',
      docs: docs as Rule.RuleMetaData['docs'],
      ...(rule.fixable ? { fixable: 'code' as const } : {}),
      hasSuggestions: true,
      messages: rule.messages,
      schema: [{ type: 'object', properties: { ...regionOptionSchema, ...rule.options }, additionalProperties: false }],
      defaultOptions: [rule.defaultOptions],
    },
    create(context) {
      // ESLint (9.15 and later, the peer range) merges `meta.defaultOptions` into the options.
      const options = (context.options[0] ?? rule.defaultOptions) as RegionOptions & object;
      const registry = registryFor(context);
      const regions = configuredRegions(context, options, registry);
      const now = clockFor(context);
      const sourceCode = context.sourceCode;
      if (!mayHoldCandidates(sourceCode, registry)) return {};
      const active = { rule, severity: 'error' as const, options };
      const report = (): void => {
        const { candidates, facts } = collectionOf(sourceCode, registry, relative(context.cwd, context.filename));
        for (const candidate of candidates) {
          const finding = judgeOne(active, candidate, facts, { registry, now, regions });
          if (!finding) continue;
          context.report({
            loc: { start: sourceCode.getLocFromIndex(finding.start), end: sourceCode.getLocFromIndex(finding.end) },
            messageId: finding.messageId,
            data: finding.data,
            ...(finding.fix ? { fix: toFix(finding.fix) } : {}),
            suggest: finding.suggestions.flatMap((s) => (s.fix ? [{ messageId: s.messageId, data: s.data, fix: toFix(s.fix) }] : [])),
          });
        }
      };
      return { 'Program:exit': report, 'Document:exit': report } as Rule.RuleListener;
    },
  };
}
