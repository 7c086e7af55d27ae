/**
 * `bedrock-lint init`: a starter configuration from the regions a repository's files state. Each
 * file is read by its reader, as `check` reads it; where every file under a folder that states a
 * region states the same ones, the folder gets them (the repository's root: the top-level
 * `region`), so that the files there that state none are judged in them too. Folders whose files
 * disagree are split into their subfolders; files that disagree with their siblings are left to
 * what they state.
 */
import { basename, relative, sep } from 'node:path';
import type { Registry } from '../registry/registry.js';
import { collect } from './check-file.js';
import type { CheckConfig, OverrideConfig } from './config.js';
import { findFiles, readSource } from './files.js';

/** A cheap test before a file is parsed: it holds something shaped like a region name. */
const MAY_NAME_REGION = /\b[a-z]{2}(?:-gov)?-[a-z]+-\d\b/;

/**
 * The regions each file states (known to the registry), by path relative to `cwd` with `/`; files
 * that state none, and files `skip` names (configuration files: not code), are left out.
 */
export async function statedRegions(cwd: string, registry: Registry, skip: (name: string) => boolean): Promise<Map<string, string[]>> {
  const stated = new Map<string, string[]>();
  for (const file of (await findFiles(['.'], cwd, { errorOnUnmatchedPattern: false })).files) {
    if (skip(basename(file.path))) continue;
    const source = readSource(file.path);
    if ('skip' in source || !MAY_NAME_REGION.test(source.text)) continue;
    const { candidates, facts } = await collect(source.text, file.path, file.language, registry);
    const regions = new Set([...facts.regions, ...candidates.flatMap((c) => c.regions ?? [])].filter((r) => registry.regions.has(r)));
    if (regions.size) stated.set(relative(cwd, file.path).split(sep).join('/'), [...regions].sort());
  }
  return stated;
}

const keyOf = (regions: readonly string[]): string => regions.join(',');

/** Regions as the configuration writes them: `region` for one, `regions` for more. */
const regionKeys = (regions: readonly string[]): Pick<CheckConfig, 'region' | 'regions'> =>
  regions.length === 1 ? { region: regions[0]! } : { regions: [...regions] };

/** Folders (relative, '' for the root) whose files that state regions all state the same ones. */
function agreeingFolders(entries: readonly (readonly [string, readonly string[]])[], folder = ''): [string, readonly string[]][] {
  const keys = new Set(entries.map(([, regions]) => keyOf(regions)));
  if (keys.size === 1) return [[folder, entries[0]![1]]];
  const bySubfolder = new Map<string, [string, readonly string[]][]>();
  for (const [path, regions] of entries) {
    const slash = path.indexOf('/');
    if (slash < 0) continue; // A file of this folder whose siblings disagree: it keeps what it states.
    const sub = path.slice(0, slash);
    let list = bySubfolder.get(sub);
    if (!list) bySubfolder.set(sub, (list = []));
    list.push([path.slice(slash + 1), regions]);
  }
  return [...bySubfolder]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([sub, list]) => agreeingFolders(list, folder ? `${folder}/${sub}` : sub));
}

/** The starter configuration for the regions files state. */
export function starterConfig(stated: ReadonlyMap<string, readonly string[]>, schema: string): CheckConfig {
  const folders = stated.size ? agreeingFolders([...stated].sort(([a], [b]) => (a < b ? -1 : 1))) : [];
  const [root] = folders;
  if (root && root[0] === '') return { $schema: schema, ...regionKeys(root[1]) };
  const overrides: OverrideConfig[] = folders.map(([folder, regions]) => ({ files: [`${folder}/**`], ...regionKeys(regions) }));
  return { $schema: schema, ...(overrides.length ? { overrides } : {}) };
}
