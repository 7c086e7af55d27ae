/**
 * The string literals of real code, for the per-literal row: mostly words, messages, keys, paths
 * and URLs (many with dots, some starting with a provider name such as `meta.` or `amazon.`), and
 * about 2% model IDs, right or wrong. Seeded.
 */
import { random } from '../lib/stats.js';
import type { CorpusIds } from './corpus.js';

const WORDS = ['id', 'name', 'GET', 'POST', 'utf8', 'default', 'true', 'click', 'submit', 'value', 'error', 'user'];
const TEMPLATES: readonly ((i: number) => string)[] = [
  (i) => `Failed to load item ${i}, retrying`,
  (i) => `errors.user${i}.notFound`,
  (i) => `settings.section${i}.title`,
  (i) => `https://api.example.com/v2/items/${i}`,
  (i) => `./components/Widget${i}.tsx`,
  (i) => `text-sm font-medium px-${i % 8}`,
  (i) => `${2000 + (i % 30)}-0${1 + (i % 9)}-1${i % 9}`,
  (i) => `${i}`,
  (i) => `lodash.debounce${i}`,
  (i) => `meta.description${i}`,
  (i) => `amazon.com/dp/B0${i}`,
  (i) => `google.maps.api.key${i}`,
  (i) => `x-request-id-${i}`,
  (i) => `SELECT * FROM t${i} WHERE id = $1`,
];
const WRONG = (i: number) => `anthropic.claude-${['sonet', 'haiku', 'opus'][i % 3]}-4-${i % 9}-2025051${i % 10}-v1:0`;

export function literalStrings(count: number, ids: CorpusIds, seed = 4): string[] {
  const r = random(seed);
  const out: string[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const roll = r.next();
    if (roll < 0.3) out[i] = r.pick(WORDS);
    else if (roll < 0.98) out[i] = r.pick(TEMPLATES)(i);
    else if (roll < 0.99) out[i] = r.chance(0.5) ? r.pick(ids.models) : r.pick(ids.profiles);
    else out[i] = WRONG(i);
  }
  return out;
}
