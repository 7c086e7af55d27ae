/**
 * What a configuration file says to `check`, and what it means for each file: the regions it is
 * judged in and the rules that run on it, from the file's top level, then each `overrides` block
 * whose `files` match (later blocks win), then the command line, which overrides them all. Globs
 * are matched with minimatch, as ESLint matches a flat config's `files`, against the path relative
 * to the folder of the configuration file. Loading and validating the file is the CLI's business
 * (src/cli/config.ts); this module only reads the validated shape.
 */
import { dirname, relative, sep } from 'node:path';
import { Minimatch } from 'minimatch';
import type { ActiveRule, JudgeSetup } from '../core/judge.js';
import { checkRegions } from '../core/regions.js';
import { RULES, ruleNamed } from '../core/rules.js';
import type { Severity } from '../core/rule.js';
import type { Registry } from '../registry/registry.js';

export type RuleSetting = Severity | 'off';

/** Regions and rules, at the top level of a configuration or in one of its `overrides`. */
export interface ScopeConfig {
  readonly region?: string;
  readonly regions?: readonly string[];
  /** Rule names (with or without the `aws-bedrock/` prefix) and their severity. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
}

export interface OverrideConfig extends ScopeConfig {
  /** Globs of the files the block applies to. */
  readonly files: readonly string[];
  /** Globs of files among those that it does not apply to. */
  readonly ignores?: readonly string[];
}

export interface CheckConfig extends ScopeConfig {
  readonly $schema?: string;
  /** A snapshot file, relative to the configuration file's folder. */
  readonly snapshot?: string;
  /** Globs of files never checked. */
  readonly ignores?: readonly string[];
  readonly staleAfter?: number;
  readonly overrides?: readonly OverrideConfig[];
}

/** A configuration as found: its file (absolute), how to name it in messages, and what it says. */
export interface LoadedConfig {
  readonly path: string;
  /** The file relative to the working directory, and the key it sits under (`package.json#bedrock-lint`). */
  readonly name: string;
  readonly config: CheckConfig;
}

/** What the command line says about regions and rules; it overrides the configuration. */
export interface RuleFlags {
  /** `--region`: the regions of every file. */
  readonly regions: readonly string[];
  /** `--rule`: only these rules (empty: those the configuration enables). */
  readonly only: readonly string[];
  /** `--disable-rule`. */
  readonly disabled: readonly string[];
}

const MINIMATCH_OPTIONS = { dot: true, allowWindowsEscape: true } as const;

/** Globs as one test; a glob ending in `/` names a folder and everything in it. */
function matcher(globs: readonly string[] | undefined): (path: string) => boolean {
  const compiled = (globs ?? []).map((glob) => new Minimatch(glob.endsWith('/') ? `${glob}**` : glob, MINIMATCH_OPTIONS));
  return (path) => compiled.some((glob) => glob.match(path));
}

const regionsOf = (scope: ScopeConfig): string[] | null =>
  scope.region === undefined && scope.regions === undefined
    ? null
    : [...new Set([...(scope.region === undefined ? [] : [scope.region]), ...(scope.regions ?? [])])];

/**
 * The rules that run with these settings: each rule at its `recommended` severity unless a
 * setting says otherwise; with `--rule`, only the rules it names (at their set severity, else the
 * `recommended` one, else as warnings); less `--disable-rule`.
 */
export function rulesFor(settings: ReadonlyMap<string, RuleSetting>, flags: Pick<RuleFlags, 'only' | 'disabled'>): ActiveRule[] {
  const only = new Set(flags.only);
  const disabled = new Set(flags.disabled);
  return RULES.flatMap((rule) => {
    let severity: RuleSetting = settings.get(rule.name) ?? rule.severity.recommended ?? 'off';
    if (only.size) {
      if (!only.has(rule.name)) return [];
      if (severity === 'off') severity = rule.severity.recommended ?? 'warn';
    }
    return severity === 'off' || disabled.has(rule.name) ? [] : [{ rule, severity, options: rule.defaultOptions }];
  });
}

const canonical = (rules: ScopeConfig['rules']): [string, RuleSetting][] =>
  Object.entries(rules ?? {}).map(([name, setting]) => [ruleNamed(name)?.name ?? name, setting]);

interface CompiledOverride {
  readonly applies: (path: string) => boolean;
  readonly regions: string[] | null;
  readonly rules: [string, RuleSetting][];
}

/**
 * The judge's setup of each file. Without a configuration every file gets the same one; with one,
 * files that resolve to the same regions and rules share a setup.
 */
export class FileSetups {
  private readonly root: string | null;
  private readonly ignores: (path: string) => boolean;
  private readonly baseRegions: string[] | null;
  private readonly baseRules: [string, RuleSetting][];
  private readonly overrides: readonly CompiledOverride[];
  private readonly bySignature = new Map<string, JudgeSetup>();

  constructor(
    private readonly common: Pick<JudgeSetup, 'registry' | 'now'>,
    private readonly flags: RuleFlags,
    loaded: LoadedConfig | null,
  ) {
    const config = loaded?.config ?? {};
    this.root = loaded ? dirname(loaded.path) : null;
    this.ignores = matcher(config.ignores);
    this.baseRegions = regionsOf(config);
    this.baseRules = canonical(config.rules);
    this.overrides = (config.overrides ?? []).map((override) => {
      const files = matcher(override.files);
      const ignores = matcher(override.ignores);
      return { applies: (path) => files(path) && !ignores(path), regions: regionsOf(override), rules: canonical(override.rules) };
    });
    if (loaded) checkConfigRegions(loaded, common.registry);
  }

  /** The path of a file relative to the configuration's folder, with `/`; null outside it. */
  private pathOf(file: string): string | null {
    if (this.root === null) return null;
    const path = relative(this.root, file);
    return path.startsWith('..') || path === '' ? null : path.split(sep).join('/');
  }

  /** Whether the configuration's `ignores` leave the file out. */
  ignored(file: string): boolean {
    const path = this.pathOf(file);
    return path !== null && this.ignores(path);
  }

  /** The regions and rules a file is judged with. */
  setupFor(file: string): JudgeSetup {
    // Without overrides every file gets the top level's setup: worked out once, not per file.
    if (!this.overrides.length) return (this.topLevel ??= this.resolve(null));
    return this.resolve(this.pathOf(file));
  }

  private topLevel: JudgeSetup | undefined;

  private resolve(path: string | null): JudgeSetup {
    let regions = this.baseRegions;
    const settings = new Map(this.baseRules);
    if (path !== null) {
      for (const override of this.overrides) {
        if (!override.applies(path)) continue;
        regions = override.regions ?? regions;
        for (const [name, setting] of override.rules) settings.set(name, setting);
      }
    }
    if (this.flags.regions.length) regions = [...this.flags.regions];
    const signature = JSON.stringify([regions, [...settings].sort()]);
    let setup = this.bySignature.get(signature);
    if (!setup) {
      setup = { ...this.common, regions: regions ?? [], rules: rulesFor(settings, this.flags) };
      this.bySignature.set(signature, setup);
    }
    return setup;
  }

  /**
   * The rules of the top level and of every setup handed out so far, in the order of the rules,
   * each with its top-level severity where it has one: the rule table of a SARIF log.
   */
  rulesRun(): ActiveRule[] {
    const byName = new Map<string, ActiveRule>();
    for (const setup of [this.resolve(null), ...this.bySignature.values()]) {
      for (const active of setup.rules) if (!byName.has(active.rule.name)) byName.set(active.rule.name, active);
    }
    return RULES.flatMap((rule) => byName.get(rule.name) ?? []);
  }
}

/** Checks every region a configuration names against the snapshot, naming the file and the key. */
function checkConfigRegions(loaded: LoadedConfig, registry: Registry): void {
  const { config, name } = loaded;
  const check = (scope: ScopeConfig, key: string): void => {
    if (scope.region !== undefined) checkRegions([scope.region], registry, `${key}region of ${name}`);
    if (scope.regions) checkRegions(scope.regions, registry, `${key}regions of ${name}`);
  };
  check(config, '');
  config.overrides?.forEach((override, i) => check(override, `overrides[${i}].`));
}
