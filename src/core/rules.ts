/**
 * The rules, as the front ends reach them: by name, with their severity in each config. The
 * checker, SARIF's rule table, the ESLint plugin and the docs all iterate this one list.
 */
import { RULES } from '../rules/index.js';
import type { AnyRule, ConfigName, Severity } from './rule.js';

export { RULES };
export const RULE_NAMES: readonly string[] = RULES.map((rule) => rule.name);

const byName = new Map(RULES.map((rule) => [rule.name, rule]));

/** The rule of a name (with or without the `aws-bedrock/` prefix), or undefined. */
export const ruleNamed = (name: string): AnyRule | undefined => byName.get(name.replace(/^aws-bedrock\//, ''));

/** The rules of a config with their severity there; `all`: every rule, as an error. */
export function rulesOf(config: ConfigName | 'all'): { rule: AnyRule; severity: Severity }[] {
  return RULES.flatMap((rule) => {
    const severity = config === 'all' ? 'error' : rule.severity[config];
    return severity ? [{ rule, severity }] : [];
  });
}

/**
 * Rules as the checker runs them by default: each with its `recommended` severity; a rule that
 * `recommended` leaves out runs only when named (`names`), as a warning.
 */
export function activeRules(names?: readonly string[]): { rule: AnyRule; severity: Severity; options: object }[] {
  const wanted = names && new Set(names.map((name) => name.replace(/^aws-bedrock\//, '')));
  return RULES.flatMap((rule) => {
    if (wanted && !wanted.has(rule.name)) return [];
    const severity = rule.severity.recommended ?? (wanted ? 'warn' : undefined);
    return severity ? [{ rule, severity, options: rule.defaultOptions }] : [];
  });
}
