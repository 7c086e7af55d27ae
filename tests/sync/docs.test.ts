/**
 * docs/sync.md and the example workflow stay true to the command: every flag of `sync` is
 * documented, and the workflow runs weekly with OIDC credentials, syncs, and opens a pull request
 * whose body is the change report.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createProgram } from '../../src/cli/program.js';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string | boolean>;
}

describe('docs/sync.md', () => {
  it('documents every flag of the sync command', () => {
    const sync = createProgram().commands.find((c) => c.name() === 'sync')!;
    const flags = sync.options.map((o) => o.long!);
    expect(flags.length).toBeGreaterThanOrEqual(11);
    const doc = read('docs/sync.md');
    for (const flag of flags) expect(doc).toContain(`| \`${flag}`);
  });
});

describe('docs/examples/sync-bedrock-snapshot.yml', () => {
  const workflow = parse(read('docs/examples/sync-bedrock-snapshot.yml')) as {
    on: { schedule: { cron: string }[] };
    permissions: Record<string, string>;
    jobs: Record<string, { steps: Step[] }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const step = (action: string): Step => steps.find((s) => s.uses?.startsWith(`${action}@`))!;

  it('runs weekly with an OIDC token', () => {
    expect(workflow.on.schedule[0]!.cron.split(' ')[4]).toMatch(/^[0-6]$/);
    expect(workflow.permissions['id-token']).toBe('write');
    expect(step('aws-actions/configure-aws-credentials').with!['role-to-assume']).toMatch(/^\$\{\{ vars\./);
  });

  it('syncs after getting credentials and opens a pull request whose body is the report', () => {
    const credentials = steps.indexOf(step('aws-actions/configure-aws-credentials'));
    const sync = steps.findIndex((s) => s.run?.includes('bedrock-lint sync'));
    const pr = step('peter-evans/create-pull-request');
    expect(sync).toBeGreaterThan(credentials);
    const reportFile = /> "\$RUNNER_TEMP\/([^"]+)"/.exec(steps[sync]!.run!)![1]!;
    expect(pr.with!['body-path']).toBe(`\${{ runner.temp }}/${reportFile}`);
    expect(steps.indexOf(pr)).toBeGreaterThan(sync);
  });

  it('holds no account data', () => {
    expect(read('docs/examples/sync-bedrock-snapshot.yml')).not.toMatch(/\b\d{12}\b/);
    expect(read('docs/sync.md')).not.toMatch(/\b\d{12}\b/);
  });
});
