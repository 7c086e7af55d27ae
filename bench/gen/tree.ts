/**
 * Generates the mixed-language tree of the checker row: source files in the languages
 * `bedrock-lint check` reads (TypeScript, JavaScript, Python, Go, JSON, YAML, Terraform, TOML,
 * shell, Ruby, Rust, Java), plus Markdown it does not read, a binary and a minified bundle it
 * skips. A few percent of the files name Bedrock models, as in a real monorepo.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { random, type Random } from '../lib/stats.js';
import type { CorpusIds } from './corpus.js';

interface Kind {
  readonly ext: string;
  /** One block of ordinary code, with `s` an ordinary string and `n` a number. */
  readonly block: (s: string, n: number) => string;
  /** One line naming a model. */
  readonly model: (id: string, region: string) => string;
}

const KINDS: readonly Kind[] = [
  {
    ext: 'ts',
    block: (s, n) =>
      `export function handler${n}(input: { id: string; count: number }): string {\n  const label = '${s}';\n  return \`\${label}:\${input.id}:\${input.count * ${n}}\`;\n}\n\n`,
    model: (id, region) =>
      `const client = new BedrockRuntimeClient({ region: '${region}' });\nexport const modelId = '${id}';\n`,
  },
  {
    ext: 'js',
    block: (s, n) => `function step${n}(items) {\n  return items.filter((x) => x.kind !== '${s}').map((x) => x.value + ${n});\n}\n\n`,
    model: (id) => `export const MODEL = '${id}';\n`,
  },
  {
    ext: 'py',
    block: (s, n) => `def step_${n}(items):\n    """${s}"""\n    return [x for x in items if x.get("kind") != "${s}"][:${n}]\n\n\n`,
    model: (id, region) =>
      `client = boto3.client("bedrock-runtime", region_name="${region}")\nresponse = client.converse(modelId="${id}", messages=[])\n`,
  },
  {
    ext: 'go',
    block: (s, n) => `func Step${n}(items []string) []string {\n\tout := []string{}\n\tfor _, it := range items {\n\t\tif it != "${s}" {\n\t\t\tout = append(out, it)\n\t\t}\n\t}\n\treturn out\n}\n\n`,
    model: (id) => `const modelID = "${id}"\n`,
  },
  {
    ext: 'json',
    block: (s, n) => `  "key${n}": { "label": "${s}", "size": ${n}, "enabled": true },\n`,
    model: (id, region) => `  "model": { "modelId": "${id}", "region": "${region}" },\n`,
  },
  {
    ext: 'yaml',
    block: (s, n) => `step${n}:\n  label: "${s}"\n  size: ${n}\n  enabled: true\n`,
    model: (id, region) => `bedrock:\n  model_id: ${id}\n  region: ${region}\n`,
  },
  {
    ext: 'tf',
    block: (s, n) => `resource "aws_s3_bucket" "b${n}" {\n  bucket = "bucket-${n}"\n  tags = { Name = "${s}" }\n}\n\n`,
    model: (id) => `locals {\n  model_id = "${id}"\n}\n`,
  },
  {
    ext: 'toml',
    block: (s, n) => `[section${n}]\nlabel = "${s}"\nsize = ${n}\n\n`,
    model: (id) => `[bedrock]\nmodel = "${id}"\n`,
  },
  {
    ext: 'sh',
    block: (s, n) => `echo "${s}" >> /tmp/log-${n}.txt\n[ -f "file-${n}" ] && rm "file-${n}"\n`,
    model: (id) => `aws bedrock-runtime converse --model-id ${id} --messages '[]'\n`,
  },
  {
    ext: 'rb',
    block: (s, n) => `def step_${n}(items)\n  items.reject { |x| x[:kind] == '${s}' }.first(${n})\nend\n\n`,
    model: (id) => `MODEL_ID = '${id}'\n`,
  },
  {
    ext: 'rs',
    block: (s, n) => `fn step_${n}(items: &[&str]) -> usize {\n    items.iter().filter(|x| **x != "${s}").count() + ${n}\n}\n\n`,
    model: (id) => `const MODEL_ID: &str = "${id}";\n`,
  },
  {
    ext: 'java',
    block: (s, n) => `  static int step${n}(java.util.List<String> items) {\n    return (int) items.stream().filter(x -> !x.equals("${s}")).count() + ${n};\n  }\n\n`,
    model: (id) => `  static final String MODEL_ID = "${id}";\n`,
  },
  {
    ext: 'md',
    block: (s, n) => `## Section ${n}\n\n${s} is described here, with a list:\n\n- one\n- two\n\n`,
    model: (id) => `Use \`${id}\` for the assistant.\n`,
  },
];

const STRINGS = ['user.profile.name', 'api.example.com', 'Content-Type', 'errors.notFound', 'config.yaml', 'v1.2.3', 'hello world'];

function fileText(kind: Kind, r: Random, bytes: number, ids: CorpusIds | null): string {
  const parts: string[] = [];
  let size = 0;
  let n = 0;
  if (ids) {
    const line = kind.model(r.chance(0.5) ? r.pick(ids.profiles) : r.pick(ids.models), r.pick(ids.regions));
    parts.push(line);
    size += line.length;
  }
  while (size < bytes) {
    const block = kind.block(r.pick(STRINGS), n++);
    parts.push(block);
    size += block.length;
  }
  const body = parts.join('');
  if (kind.ext === 'json') return `{\n${body}  "end": true\n}\n`;
  if (kind.ext === 'java') return `class Gen {\n${body}}\n`;
  if (kind.ext === 'go') return `package gen\n\n${body}`;
  return body;
}

export interface TreeStats {
  readonly files: number;
  readonly bytes: number;
  readonly namingModels: number;
}

/** What tree to write: how many files in all, about how many bytes, and the share naming a model. */
export interface TreeShape {
  readonly files: number;
  readonly bytes: number;
  /** The fraction of source files that name a model (0.02: one in 50). */
  readonly naming: number;
}

/** The minified bundle: over the checker's 64 KB threshold for sniffing, one line, naming a model. */
const BUNDLE_BYTES = 128 * 1024;

/**
 * Writes the tree under `dir`: `shape.files` files in all, of which a minified bundle and a small
 * binary (the checker skips both with a note, rg reads them) and source files whose sizes spread
 * evenly from 20% to 180% of the average that makes up `shape.bytes`, about ten to a folder (37
 * packages of 11 folders), as in a real repository.
 */
export function writeTree(dir: string, shape: TreeShape, ids: CorpusIds, seed = 3): TreeStats {
  const r = random(seed);
  const bundle = `!function(){${'var a=1,b="anthropic.claude-3-haiku-20240307-v1:0";'.repeat(BUNDLE_BYTES / 48)}}();\n`;
  const sources = shape.files - 2;
  const average = Math.max(200, (shape.bytes - bundle.length) / sources);
  let bytes = 0;
  let namingModels = 0;
  for (let i = 0; i < sources; i++) {
    const kind = r.pick(KINDS);
    const names = r.chance(shape.naming);
    const text = fileText(kind, r, Math.round(average * (0.2 + 1.6 * r.next())), names ? ids : null);
    const path = join(dir, `pkg-${i % 37}`, `mod-${i % 11}`, `file-${i}.${kind.ext}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    bytes += text.length;
    if (names) namingModels += 1;
  }
  writeFileSync(join(dir, 'vendor.min.js'), bundle);
  writeFileSync(join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0x0d, 0x0a]));
  return { files: sources + 2, bytes: bytes + bundle.length + 10, namingModels };
}
