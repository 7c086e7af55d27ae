/** The ESLint rule objects of every rule of the core, by name. */
import type { Rule } from 'eslint';
import { RULES } from '../core/rules.js';
import { toEslintRule } from './create-rule.js';

export const rules: Record<string, Rule.RuleModule> = Object.fromEntries(RULES.map((rule) => [rule.name, toEslintRule(rule)]));
