/**
 * `bedrock-lint sync` against a control plane that misbehaves, with the real BedrockClient: a
 * region answering `{}`, `[]` or half its list; pagination that repeats a token or never ends; a
 * server that trickles its answer; nothing listening at all; errors that echo the session token;
 * IDs that are prototype keys or markdown; digits that are, or only look like, account IDs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../src/registry/registry.js';
import { runSync, SyncError } from '../../src/sync/index.js';
import type { FakeBedrock, FakeModel } from './fake-bedrock-server.js';
import { ON_DEMAND, PROFILE_ONLY } from './fixtures.js';
import { useSyncHarness } from './harness.js';
import { runInProcess, type CliRun } from './run-cli.js';

const harness = useSyncHarness();
let fake: FakeBedrock;
let out: string;
beforeEach(() => {
  ({ fake, out } = harness);
});

const sync = harness.sync;

/** The last line on stderr: the command's own message, after the progress lines. */
const lastLine = (run: CliRun): string => run.stderr.trimEnd().split('\n').at(-1)!;

/** A first sync, then the bytes of the file it wrote. */
async function seeded(): Promise<Buffer> {
  const first = await sync();
  expect(first.code).toBe(0);
  return readFileSync(out);
}

const model = (modelId: string, extra: Partial<FakeModel> = {}): FakeModel => ({ modelId, inferenceTypesSupported: ['ON_DEMAND'], ...extra });

describe('a region whose answer cannot be the truth', () => {
  it('`{}` from ListFoundationModels: refused, the file byte-identical, one line naming the region', async () => {
    const before = await seeded();
    fake.faults = [{ kind: 'empty-answer', region: 'us-east-1', operation: 'ListFoundationModels' }];
    const run = await sync();
    expect(run.code).toBe(2);
    expect(lastLine(run)).toMatch(/^bedrock-lint sync: could not refresh region us-east-1: the ListFoundationModels answer has no modelSummaries list\. Nothing was written/);
    expect(readFileSync(out).equals(before)).toBe(true);
  });

  it('`{}` from ListInferenceProfiles: refused the same way', async () => {
    const before = await seeded();
    fake.faults = [{ kind: 'empty-answer', region: 'eu-west-1', operation: 'ListInferenceProfiles' }];
    const run = await sync();
    expect(run.code).toBe(2);
    expect(lastLine(run)).toMatch(/could not refresh region eu-west-1: page 1 of the ListInferenceProfiles answer has no inferenceProfileSummaries list/);
    expect(readFileSync(out).equals(before)).toBe(true);
  });

  it('an empty list in one region is refused although the totals hold; --allow-partial keeps its data; --force writes', async () => {
    const before = await seeded();
    // Every model us-east-1 listed is still listed elsewhere or not: the overall floor alone would let this pass.
    fake.regions['us-east-1'] = { models: [], profiles: [] };
    const refused = await sync();
    expect(refused.code).toBe(2);
    expect(lastLine(refused)).toMatch(
      /refusing to write .*in us-east-1 live models would drop from 5 to 0 and live profiles from 5 to 0 \(more than 20%\)\..*--force.*--allow-partial to keep the previous data of us-east-1/,
    );
    expect(readFileSync(out).equals(before)).toBe(true);

    const partial = await sync('--allow-partial');
    expect(partial.code).toBe(0);
    expect(partial.stdout).toMatch(/\*\*Not refreshed\*\*.*us-east-1 \(its listing shrank: live models would drop from 5 to 0/);
    const kept = readSnapshot(out);
    expect(kept.regions['us-east-1']!.refreshed).toBe(false);
    // The us. profile is still callable from us-east-1, so the linter still accepts it there.
    expect(kept.profiles[`us.${PROFILE_ONLY}`]!.sourceRegions).toContain('us-east-1');
    expect(kept.models[ON_DEMAND]!.regions['us-east-1']!.inferenceTypes).toContain('ON_DEMAND');

    const forced = await sync('--force');
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain('written despite (--force)');
    // Listed nowhere any more: a tombstone.
    expect(readSnapshot(out).profiles[`us.${PROFILE_ONLY}`]!.removed).toBe(true);
  });

  it('half a listing is refused too', async () => {
    const before = await seeded();
    const east = fake.regions['us-east-1']!;
    east.models = east.models.slice(0, 2);
    const run = await sync();
    expect(run.code).toBe(2);
    expect(lastLine(run)).toMatch(/refusing to write .*in us-east-1 live models would drop from 5 to/);
    expect(readFileSync(out).equals(before)).toBe(true);
  });

  it('a --dry-run reports a shrunk region without refusing, and writes nothing', async () => {
    const before = await seeded();
    fake.regions['eu-west-1'] = { models: [], profiles: [] };
    const run = await sync('--dry-run');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/a real run would refuse to write: .*in eu-west-1 live models would drop from 3 to 0/);
    expect(readFileSync(out).equals(before)).toBe(true);
  });
});

describe('pagination that does not end', () => {
  it('a repeated nextToken fails the region instead of ending quietly with what it has', async () => {
    const before = await seeded();
    fake.faults = [{ kind: 'repeat-token', region: 'us-east-1' }];
    const run = await sync();
    expect(run.code).toBe(2);
    expect(lastLine(run)).toMatch(/could not refresh region us-east-1: ListInferenceProfiles gave a nextToken it had given before \(page 2\)/);
    expect(readFileSync(out).equals(before)).toBe(true);
  });

  it('alternating tokens are caught over the whole listing', async () => {
    fake.faults = [{ kind: 'cycle-tokens', region: 'eu-west-1' }];
    const run = await sync();
    expect(run.code).toBe(2);
    expect(lastLine(run)).toMatch(/eu-west-1: ListInferenceProfiles gave a nextToken it had given before \(page 3\)/);
    expect(existsSync(out)).toBe(false);
  });

  it('a fresh nextToken on every page ends at the page cap (the default through the command)', async () => {
    fake.faults = [{ kind: 'endless-pages', region: 'ap-northeast-1' }];
    const run = await sync();
    expect(run.code).toBe(2);
    expect(lastLine(run)).toMatch(/ap-northeast-1: ListInferenceProfiles did not end within 100 pages/);
    const pages = fake.requests.filter((r) => r.region === 'ap-northeast-1' && r.operation === 'ListInferenceProfiles');
    expect(pages).toHaveLength(100);
  });

  it('the page cap is an option of runSync', async () => {
    fake.faults = [{ kind: 'endless-pages', region: 'us-east-1' }];
    await expect(runSync({ regions: ['us-east-1'], endpoint: fake.url, out, maxPages: 5 })).rejects.toThrow(
      /us-east-1: ListInferenceProfiles did not end within 5 pages/,
    );
    expect(fake.requests.filter((r) => r.operation === 'ListInferenceProfiles')).toHaveLength(5);
  });
});

describe('bounded in time and size', () => {
  it('a server that trickles its answer a byte at a time fails at --timeout, which counts the whole request', async () => {
    fake = await harness.restart({ trickleMs: 40, faults: [{ kind: 'trickle', region: 'eu-west-1', operation: 'ListFoundationModels' }] });
    // The gaps (40 ms) never reach an idle timeout of 300 ms; the body would take seconds.
    const run = await sync('--timeout', '0.3');
    expect(run.code).toBe(2);
    expect(lastLine(run)).toMatch(/could not refresh region eu-west-1: timed out \(--timeout\) \(TimeoutError, 3 attempts\): no complete answer within 0\.3 s/);
    expect(fake.requests.filter((r) => r.region === 'eu-west-1' && r.operation === 'ListFoundationModels').map((r) => r.attempt)).toEqual([1, 2, 3]);
  });

  it('--deadline ends the whole sync, even while requests still wait within their own timeout', async () => {
    fake.faults = [{ kind: 'hang', region: 'us-east-1' }];
    const run = await sync('--timeout', '60', '--deadline', '0.5');
    expect(run.code).toBe(2);
    expect(lastLine(run)).toMatch(/could not refresh region us-east-1: stopped at the sync deadline of 0\.5 s \(--deadline\)\. Nothing was written/);
    expect(existsSync(out)).toBe(false);
  });

  it('an answer larger than the size cap fails its region', async () => {
    const error = await runSync({ regions: ['us-east-1'], endpoint: fake.url, out, maxResponseBytes: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as Error).message).toMatch(/us-east-1: the answer was too large \(ResponseTooLarge\): the answer is larger than 200 bytes/);
  });
});

describe('when nothing answers', () => {
  /** An endpoint on a loopback port that was just closed: connections are refused. */
  async function closedPort(): Promise<string> {
    const server = createServer();
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    const { port } = server.address() as { port: number };
    await new Promise((done) => server.close(done));
    return `http://127.0.0.1:${port}`;
  }

  for (const partial of [false, true]) {
    it(`every commercial region${partial ? ' with --allow-partial' : ''}: stops after the first failures, one short message`, async () => {
      const endpoint = await closedPort();
      const run = await runInProcess(['sync', '--endpoint-url', endpoint, '--out', out, ...(partial ? ['--allow-partial'] : [])]);
      expect(run.code).toBe(2);
      const message = lastLine(run);
      expect(message).toMatch(/^bedrock-lint sync: could not refresh any region: nothing answered \(.*network error \(Error, ECONNREFUSED/);
      expect(message).toMatch(/The other \d+ regions were stopped or not tried\. Check the network connection/);
      expect(message).not.toContain('--allow-partial');
      expect(message.length).toBeLessThan(600);
      // Progress names at most the few regions that failed before the sync stopped.
      expect(run.stderr.match(/: failed: /g)!.length).toBeLessThanOrEqual(3);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('a host name that does not resolve is looked up once, not once per region, and no request is sent', async () => {
    // `.invalid` never resolves (RFC 2606).
    const run = await runInProcess(['sync', '--allow-partial', '--endpoint-url', 'http://bedrock-lint-sync-test.invalid:4010', '--out', out]);
    expect(run.code).toBe(2);
    expect(lastLine(run)).toMatch(
      /could not refresh any region: nothing answered \(.*network error .*: the name lookup of bedrock-lint-sync-test\.invalid failed \((ENOTFOUND|EAI_AGAIN)\); no request was sent\)\. The other \d+ regions/,
    );
    expect(lastLine(run).length).toBeLessThan(600);
  });
});

describe('secrets in errors', () => {
  /** A session token shaped like a real one, made at run time. */
  const token = `IQoJb3JpZ2luX2Vj${Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37) % 256)).toString('base64')}`;
  const secret = ['wJalrXUtnFEMI', 'K7MDENG', 'bPxRfiCYFAKEKEY123'].join('/');

  beforeEach(() => {
    process.env.AWS_SESSION_TOKEN = token;
    process.env.AWS_SECRET_ACCESS_KEY = secret;
  });
  afterEach(() => {
    delete process.env.AWS_SESSION_TOKEN;
    process.env.AWS_SECRET_ACCESS_KEY = 'fake-secret-for-tests';
  });

  it('a server that echoes the request headers: the session token never reaches stdout or stderr', async () => {
    fake.faults = [{ kind: 'echo-headers', region: 'eu-west-1' }];
    const failed = await sync();
    const partial = await sync('--allow-partial');
    expect(failed.code).toBe(2);
    expect(partial.code).toBe(0);
    // The server did get the token, and said so.
    expect(failed.stderr).toContain('x-amz-security-token');
    for (const text of [failed.stdout, failed.stderr, partial.stdout, partial.stderr]) {
      expect(text).not.toContain(token.slice(0, 24));
      expect(text).not.toContain(token.slice(-24));
      expect(text).not.toMatch(/Signature=[0-9a-f]/);
    }
    expect(partial.stdout).toContain('**Not refreshed**');
    expect(partial.stdout).toContain('x-amz-security-token');
  });
});

describe('IDs are data', () => {
  it('models called __proto__ and constructor sync like any other, and nothing lands on Object.prototype', async () => {
    const east = fake.regions['us-east-1']!;
    east.models.push(model('__proto__'), model('constructor', { modelName: 'Constructor' }), model('prototype'));
    east.profiles.push({ inferenceProfileId: 'us.constructor', modelId: 'constructor', destinationRegions: ['us-east-1'] });
    const run = await sync();
    expect(run.code).toBe(0);
    expect(Object.prototype).not.toHaveProperty('regions');
    expect(Object.prototype).not.toHaveProperty('lifecycle');
    const written = JSON.parse(readFileSync(out, 'utf8')) as { models: object; profiles: object };
    for (const id of ['__proto__', 'constructor', 'prototype']) expect(Object.hasOwn(written.models, id)).toBe(true);
    expect(Object.hasOwn(written.profiles, 'us.constructor')).toBe(true);
    const snapshot = readSnapshot(out);
    expect(Object.hasOwn(snapshot.models, '__proto__')).toBe(true);
    const constructorId: string = 'constructor';
    expect(snapshot.models[constructorId]!.regions['us-east-1']!.inferenceTypes).toEqual(['INFERENCE_PROFILE', 'ON_DEMAND']);
    expect(run.stdout).toContain('- `__proto__`: ON_DEMAND in us-east-1');
    const again = await sync();
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('is up to date');
  });

  it('IDs and names with backticks, @mentions, pipes and HTML are escaped in the report', async () => {
    const pipe = 'acme.pipe|cell-v1:0';
    fake.regions['us-east-1']!.models.push(model(pipe, { modelLifecycle: { status: 'ACTIVE' } }));
    await seeded();
    const east = fake.regions['us-east-1']!;
    east.models = east.models.filter((m) => m.modelId !== pipe);
    east.models.push(
      model(pipe, { modelLifecycle: { status: 'LEGACY|<b>' } }),
      model('acme.`tick`-v1:0', { modelName: '@org/team', providerName: '<img src=x onerror=alert(1)>' }),
      model('@acme/everyone.x-v1:0'),
    );
    const run = await sync();
    expect(run.code).toBe(0);
    const report = run.stdout;
    expect(report).toContain('- ``acme.`tick`-v1:0`` @\u200Borg/team (\\<img src=x onerror=alert(1)\\>): ON_DEMAND in us-east-1');
    expect(report).not.toContain('@org/team');
    expect(report).not.toMatch(/(?<!\\)<img/);
    // The mention-shaped ID appears only as code, where GitHub does not notify anyone.
    expect(report).toContain('- `@acme/everyone.x-v1:0`: ON_DEMAND in us-east-1');
    expect(report.split('@acme/everyone').length).toBe(report.split('`@acme/everyone').length);
    // A table row keeps its three cells: the pipes inside the ID and the status are escaped.
    const row = report.split('\n').find((line) => line.startsWith('| `acme.pipe'));
    expect(row).toBe('| `acme.pipe\\|cell-v1:0` | ACTIVE | LEGACY\\|\\<b\\> |');
  });
});

describe('the account guard', () => {
  it('accepts 12 digits of a date-time stamp inside a name, and prints the name as it is', async () => {
    const id = 'acme.nightly-202601011200-v1:0';
    fake.regions['us-east-1']!.models.push(model(id));
    const run = await sync();
    expect(run.code).toBe(0);
    expect(Object.keys(readSnapshot(out).models)).toContain(id);
    expect(run.stdout).toContain(`\`${id}\``);
  });

  it('refuses an ID that embeds an account ID, even with --force, and masks it in what it prints', async () => {
    const before = await seeded();
    const account = '1234' + '56789012';
    fake.regions['us-east-1']!.models.push(model(`acme.tuned_${account}-v1:0`));
    for (const flags of [[], ['--force']]) {
      const run = await sync(...flags);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/refusing to write .*: it would contain 1 number\(s\) shaped like an AWS account ID/);
      expect(run.stdout + run.stderr).not.toContain(account);
      expect(readFileSync(out).equals(before)).toBe(true);
    }
  });
});
