/**
 * The regions sync may scan, from `rules-data/regions.json` (kept by hand): every region with a
 * Bedrock control-plane endpoint, and which of them are commercial (the default scan).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RULES_DATA_DIR } from '../registry/registry.js';

export interface RegionInfo {
  readonly partition: string;
  readonly commercial: boolean;
}

export type RegionTable = Readonly<Record<string, RegionInfo>>;

export const REGIONS_PATH = resolve(RULES_DATA_DIR, 'regions.json');

export function readRegionTable(path = REGIONS_PATH): RegionTable {
  return (JSON.parse(readFileSync(path, 'utf8')) as { regions: RegionTable }).regions;
}

export const commercialRegions = (table: RegionTable): string[] =>
  Object.keys(table)
    .filter((name) => table[name]?.commercial)
    .sort();

/**
 * Checks region names given on the command line; throws one error naming every unknown one (a typo
 * would otherwise cost DNS retries and then fail the sync).
 */
export function checkRegionNames(names: readonly string[], table: RegionTable): string[] {
  const unknown = names.filter((name) => !table[name]);
  if (unknown.length) {
    throw new Error(
      `unknown region${unknown.length > 1 ? 's' : ''} ${unknown.map((r) => `'${r}'`).join(', ')}; ` +
        `regions with a Bedrock endpoint (rules-data/regions.json): ${Object.keys(table).sort().join(', ')}`,
    );
  }
  return [...new Set(names)].sort();
}
