/**
 * Which scanner reads a file, from its name. Files of other types are not checked.
 */
import { basename, extname } from 'node:path';

export type Language =
  /** JavaScript and TypeScript: ESLint with this plugin. */
  | 'javascript'
  | 'typescript'
  | 'python'
  | 'go'
  | 'json'
  | 'yaml'
  | 'toml'
  | 'hcl'
  /** Shell scripts, `.env` files and Dockerfiles: words and quoted strings, `#` comments. */
  | 'shell'
  /** Ruby and other `#`-comment languages: quoted strings. */
  | 'hash-text'
  /** Rust and other C-family languages: double-quoted strings, `//` and block comments. */
  | 'c-text'
  /** Java `.properties` (Spring AI). */
  | 'properties'
  /** `.ini` and `.cfg` files. */
  | 'ini'
  /** Jupyter notebooks: their code cells, read as Python. */
  | 'notebook';

const BY_EXTENSION: Readonly<Record<string, Language>> = {
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascript',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescript',
  '.py': 'python',
  '.go': 'go',
  '.json': 'json',
  '.jsonc': 'json',
  '.json5': 'json',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.toml': 'toml',
  '.tf': 'hcl',
  '.tfvars': 'hcl',
  '.hcl': 'hcl',
  '.sh': 'shell',
  '.bash': 'shell',
  '.zsh': 'shell',
  '.ksh': 'shell',
  '.env': 'shell',
  '.dockerfile': 'shell',
  '.rb': 'hash-text',
  '.rake': 'hash-text',
  '.rs': 'c-text',
  '.java': 'c-text',
  '.kt': 'c-text',
  '.kts': 'c-text',
  '.scala': 'c-text',
  '.cs': 'c-text',
  '.swift': 'c-text',
  '.properties': 'properties',
  '.ini': 'ini',
  '.cfg': 'ini',
  '.ipynb': 'notebook',
};

/** JavaScript and TypeScript: read by ESLint, with ESLint's line breaks. */
export const isEcmascript = (language: Language): boolean => language === 'javascript' || language === 'typescript';

/** The language of a file, or null when the checker does not read files of its type. */
export function languageOf(path: string): Language | null {
  const name = basename(path);
  if (name === '.env' || name.startsWith('.env.')) return 'shell';
  if (/^(?:Dockerfile|Containerfile)(?:\..+)?$/.test(name)) return 'shell';
  return BY_EXTENSION[extname(name).toLowerCase()] ?? null;
}
