/**
 * The fake control plane speaks the wire protocol the real BedrockClient expects (so that the sync
 * tests, and benchmarks reusing it, test the client for real): pagination, the `type` filter,
 * validation and auth errors, regions from the credential scope.
 */
import {
  BedrockClient,
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
  paginateListInferenceProfiles,
} from '@aws-sdk/client-bedrock';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../src/registry/registry.js';
import { runSync } from '../../src/sync/index.js';
import { withoutNodeVersionNotice } from '../../src/sync/node-notice.js';
import { FAKE_ACCOUNT_ID, startFakeBedrock, syntheticRegions, type FakeBedrock } from './fake-bedrock-server.js';
import { tempDir, threeRegions, useIsolatedAwsEnv } from './fixtures.js';

let restoreEnv: () => void;
let fake: FakeBedrock;
const clients: BedrockClient[] = [];

const client = (region: string): BedrockClient => {
  const made = withoutNodeVersionNotice(() => new BedrockClient({ region, endpoint: fake.url, maxAttempts: 1 }));
  clients.push(made);
  return made;
};

beforeAll(() => {
  restoreEnv = useIsolatedAwsEnv();
});
afterAll(() => restoreEnv());
beforeEach(async () => {
  fake = await startFakeBedrock({ regions: threeRegions() });
});
afterEach(async () => {
  for (const made of clients.splice(0)) made.destroy();
  await fake.close();
});

describe('the fake Bedrock control plane', () => {
  it('lists models per region, with INFERENCE_PROFILE and lifecycle dates as the client parses them', async () => {
    const { modelSummaries = [] } = await client('ap-northeast-1').send(new ListFoundationModelsCommand({}));
    expect(modelSummaries.map((m) => m.modelId)).toEqual(threeRegions()['ap-northeast-1']!.models.map((m) => m.modelId));
    expect(modelSummaries[0]!.inferenceTypesSupported).toEqual(['INFERENCE_PROFILE']);
    expect(modelSummaries[0]!.modelLifecycle?.startOfLifeTime).toEqual(new Date('2025-05-22T00:00:00Z'));
    expect(modelSummaries[0]!.modelArn).toBe('arn:aws:bedrock:ap-northeast-1::foundation-model/acme.kumo-large-v1:0');
  });

  it('pages with maxResults and opaque nextTokens, SYSTEM_DEFINED by default', async () => {
    const ids: string[] = [];
    for await (const page of paginateListInferenceProfiles({ client: client('us-east-1'), pageSize: 2 }, {})) {
      ids.push(...(page.inferenceProfileSummaries ?? []).map((p) => p.inferenceProfileId!));
    }
    expect(ids).toHaveLength(5);
    expect(fake.requests.map((r) => r.query.maxResults)).toEqual(['2', '2', '2']);
    const application = await client('us-east-1').send(new ListInferenceProfilesCommand({ typeEquals: 'APPLICATION' }));
    expect(application.inferenceProfileSummaries?.[0]?.inferenceProfileArn).toBe(
      `arn:aws:bedrock:us-east-1:${FAKE_ACCOUNT_ID}:application-inference-profile/v8gtbe8pryd4`,
    );
  });

  it('answers out-of-range maxResults and foreign tokens with ValidationException', async () => {
    await expect(client('us-east-1').send(new ListInferenceProfilesCommand({ maxResults: 0 }))).rejects.toMatchObject({
      name: 'ValidationException',
      $metadata: { httpStatusCode: 400 },
    });
    const first = await client('us-east-1').send(new ListInferenceProfilesCommand({ maxResults: 1 }));
    await expect(
      client('us-east-1').send(new ListInferenceProfilesCommand({ nextToken: first.nextToken, typeEquals: 'APPLICATION' })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('answers a region it has no data for like a region not enabled for the account', async () => {
    await expect(client('eu-west-2').send(new ListFoundationModelsCommand({}))).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
      $metadata: { httpStatusCode: 403 },
    });
    expect(fake.requests[0]).toMatchObject({ region: 'eu-west-2', accessKeyId: 'AKIDEXAMPLE', attempt: 1 });
  });
});

describe('synthetic data for benchmarks', () => {
  it('syncs many regions through runSync', async () => {
    const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-northeast-1', 'ap-southeast-2'];
    await fake.close();
    fake = await startFakeBedrock({ regions: syntheticRegions(regions, 10), latencyMs: 5 });
    const tmp = tempDir();
    try {
      const result = await runSync({ regions, endpoint: fake.url, out: join(tmp.dir, 'bench.json'), concurrency: 3 });
      expect(result.outcome).toBe('written');
      const snapshot = readSnapshot(join(tmp.dir, 'bench.json'));
      expect(Object.keys(snapshot.models)).toHaveLength(10);
      expect(snapshot.profiles['global.synthetic.model-001-v1:0']!.sourceRegions).toEqual([...regions].sort());
      expect(snapshot.profiles['eu.synthetic.model-001-v1:0']!.destinationRegions).toEqual(['eu-central-1', 'eu-west-1']);
    } finally {
      tmp.remove();
    }
  });
});
