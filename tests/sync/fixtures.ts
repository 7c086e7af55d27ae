/**
 * Made-up Bedrock data for the sync tests (a provider "acme" no real snapshot knows), the
 * environment every sync test runs in, and small helpers shared by the test files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeModel, FakeProfile, FakeRegion } from './fake-bedrock-server.js';

export const REGIONS = ['ap-northeast-1', 'eu-west-1', 'us-east-1'] as const;

/** Profile-only: listed with INFERENCE_PROFILE; its only geography profile in Tokyo is `jp.`. */
export const PROFILE_ONLY = 'acme.kumo-large-v1:0';
export const ON_DEMAND = 'acme.kumo-small-v1:0';
export const LEGACY = 'acme.kumo-old-v1:0';

const ACTIVE = { status: 'ACTIVE', startOfLifeTime: '2025-05-22T00:00:00Z' };

const profileOnly = (): FakeModel => ({
  modelId: PROFILE_ONLY,
  modelName: 'Kumo Large',
  providerName: 'Acme',
  inputModalities: ['TEXT', 'IMAGE'],
  outputModalities: ['TEXT'],
  responseStreamingSupported: true,
  inferenceTypesSupported: ['INFERENCE_PROFILE'],
  modelLifecycle: ACTIVE,
});

const onDemand = (): FakeModel => ({
  modelId: ON_DEMAND,
  modelName: 'Kumo Small',
  providerName: 'Acme',
  inputModalities: ['TEXT'],
  outputModalities: ['TEXT'],
  responseStreamingSupported: true,
  inferenceTypesSupported: ['ON_DEMAND'],
  modelLifecycle: ACTIVE,
});

const variant = (): FakeModel => ({
  ...onDemand(),
  modelId: `${ON_DEMAND}:28k`,
  inferenceTypesSupported: ['PROVISIONED'],
});

const embed = (): FakeModel => ({
  modelId: 'acme.kumo-embed-v1',
  modelName: 'Kumo Embed',
  providerName: 'Acme',
  inputModalities: ['TEXT'],
  outputModalities: ['EMBEDDING'],
  inferenceTypesSupported: ['ON_DEMAND'],
  modelLifecycle: { status: 'ACTIVE' },
});

const legacy = (): FakeModel => ({
  modelId: LEGACY,
  modelName: 'Kumo Old',
  providerName: 'Acme',
  inputModalities: ['TEXT'],
  outputModalities: ['TEXT'],
  responseStreamingSupported: true,
  inferenceTypesSupported: ['ON_DEMAND'],
  modelLifecycle: {
    status: 'LEGACY',
    startOfLifeTime: '2024-03-04T00:00:00Z',
    legacyTime: '2026-01-21T00:00:00Z',
    publicExtendedAccessTime: '2026-07-21T00:00:00Z',
    endOfLifeTime: '2027-01-21T00:00:00.000Z',
  },
});

const profile = (geo: string, modelId: string, destinationRegions: string[]): FakeProfile => ({
  inferenceProfileId: `${geo}.${modelId}`,
  modelId,
  destinationRegions,
});

const globalLarge = (): FakeProfile => profile('global', PROFILE_ONLY, ['ap-northeast-1', 'eu-west-1', 'us-east-1', 'us-west-2']);

/** Three regions; us-east-1 lists enough profiles to paginate at two per page. */
export function threeRegions(): Record<string, FakeRegion> {
  return {
    'us-east-1': {
      models: [profileOnly(), onDemand(), variant(), embed(), legacy()],
      profiles: [
        profile('us', PROFILE_ONLY, ['us-east-1', 'us-east-2', 'us-west-2']),
        profile('us', ON_DEMAND, ['us-east-1', 'us-west-2']),
        profile('us', LEGACY, ['us-east-1', 'us-west-2']),
        globalLarge(),
        profile('global', ON_DEMAND, ['ap-northeast-1', 'eu-west-1', 'us-east-1']),
        // An account's own profile: its ARN names the account; a sync must never keep it.
        { inferenceProfileId: 'v8gtbe8pryd4', modelId: ON_DEMAND, destinationRegions: ['us-east-1'], type: 'APPLICATION' },
      ],
    },
    'eu-west-1': {
      models: [profileOnly(), onDemand(), embed()],
      profiles: [profile('eu', PROFILE_ONLY, ['eu-central-1', 'eu-west-1', 'eu-west-3']), globalLarge()],
    },
    'ap-northeast-1': {
      models: [profileOnly(), onDemand()],
      profiles: [profile('jp', PROFILE_ONLY, ['ap-northeast-1', 'ap-northeast-3']), globalLarge()],
    },
  };
}

/**
 * Fake credentials and nothing that could make the SDK look elsewhere: no config files, no
 * instance metadata, no bearer token, no endpoint or retry settings from the machine.
 */
export function isolatedAwsEnv(): Record<string, string | undefined> {
  const missing = join(tmpdir(), 'bedrock-lint-sync-tests-no-such-file');
  return {
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'fake-secret-for-tests',
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_DEFAULT_PROFILE: undefined,
    AWS_REGION: undefined,
    AWS_DEFAULT_REGION: undefined,
    AWS_CONFIG_FILE: missing,
    AWS_SHARED_CREDENTIALS_FILE: missing,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_BEARER_TOKEN_BEDROCK: undefined,
    AWS_AUTH_SCHEME_PREFERENCE: undefined,
    AWS_ENDPOINT_URL: undefined,
    AWS_ENDPOINT_URL_BEDROCK: undefined,
    AWS_MAX_ATTEMPTS: undefined,
    AWS_RETRY_MODE: undefined,
    AWS_USE_FIPS_ENDPOINT: undefined,
    AWS_USE_DUALSTACK_ENDPOINT: undefined,
    // Sync itself keeps the SDK's Node-version notice quiet (src/sync/node-notice.ts): tests prove it.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: undefined,
  };
}

/** Applies `isolatedAwsEnv()` to this process; returns a function that restores it. */
export function useIsolatedAwsEnv(): () => void {
  const saved = { ...process.env };
  for (const [key, value] of Object.entries(isolatedAwsEnv())) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return () => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  };
}

export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'bedrock-lint-sync-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Text shaped like a 12-digit account ID (the fake's is 111122223333). */
export const ACCOUNT_ID_SHAPE = /\b\d{12}\b/;
