import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mightBeModelRef, parseModelRef } from '../../src/classifier/parse.js';
import { mayNameModel, mayQuoteModel, sourceModelOffsets } from '../../src/classifier/prefilter.js';
import { loadRegistry } from '../../src/registry/registry.js';

const registry = loadRegistry(new URL('../fixtures/snapshot.json', import.meta.url).pathname);
const offsets = (text: string) => sourceModelOffsets(text, registry);

describe('sourceModelOffsets', () => {
  it('points at strings that begin with a model reference', () => {
    const source = [
      "const a = 'anthropic.claude-sonnet-4-6';",
      'const b = "us.anthropic.claude-sonnet-4-6";',
      'const c = `claude-sonnet-4-5`;',
      "const d = 'arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-70b-instruct-v1:0';",
      "const e = 'bedrock/converse/Amazon.nova-lite-v1:0';",
    ].join('\n');
    const found = offsets(source).map((offset) => source.slice(offset, offset + 4));
    expect(found).toEqual(["'ant", '"us.', '`cla', '/met', '/Ama']);
  });

  it('points at escapes that may spell a reference', () => {
    const source = "const a = 'anthropic\\x2eclaude-v2';";
    expect(offsets(source)).toEqual([source.indexOf('\\')]);
  });

  it('finds nothing where a provider is named but no string begins with it', () => {
    const source = [
      'const here = import.meta.url;',
      'writer.write(chunk);',
      "const description = rule.meta.docs + 'Amazon reviews';",
      '// see anthropic.claude-sonnet-4-6 in the docs',
    ].join('\n');
    expect(offsets(source)).toEqual([]);
    expect(mayQuoteModel(source, registry)).toBe(false);
    expect(mayNameModel(source, registry)).toBe(true);
  });

  it('misses no string the parser reads as a model reference', () => {
    // The pre-filter may only skip files without such a string: every string that parses, quoted
    // as JavaScript would quote it, gets an offset inside the quotes.
    const ids = [...registry.models.keys()];
    const reference = fc.oneof(
      fc.constantFrom(...ids),
      fc.tuple(fc.constantFrom('us', 'eu', 'apac', 'global', 'us-gov', 'us-east-1', 'US'), fc.constantFrom(...ids)).map(([geo, id]) => `${geo}.${id}`),
      fc.constantFrom(...ids).map((id) => `arn:aws:bedrock:us-east-1::foundation-model/${id}`),
      fc.constantFrom(...ids).map((id) => `bedrock/converse/${id}`),
      fc.constantFrom('claude-sonnet-4-5', 'claude-3-7-sonnet-20250219'),
    );
    fc.assert(
      // JavaScript, Go and JSON quotes, and Python's triple quotes.
      fc.property(reference, fc.constantFrom("'", '"', '`', '"""', "'''"), fc.string({ maxLength: 20 }), (text, quote, before) => {
        fc.pre(mightBeModelRef(text) && parseModelRef(text, registry) !== null);
        const prefix = `const x = ${JSON.stringify(before)};\nconst id = `;
        const found = offsets(`${prefix}${quote}${text}${quote};`);
        expect(found.some((offset) => offset >= prefix.length && offset <= prefix.length + quote.length + text.length)).toBe(true);
        expect(mayQuoteModel(`${prefix}${quote}${text}${quote}`, registry)).toBe(true);
      }),
    );
  });
});
