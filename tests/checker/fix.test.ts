import { appendFileSync, chmodSync, chownSync, linkSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingsOf, type JsonEntry, type JsonFinding } from '../../src/checker/formats/json.js';
import { check, HAIKU_45, SONNET_37, SONNET_45, tempTree } from './helpers.js';

describe('--fix', () => {
  it('applies the certain fixes in every file type, writes the files and says what changed', async () => {
    const before = {
      'app.py': `import boto3\nclient = boto3.client("bedrock-runtime", region_name="eu-west-1")\nclient.converse(modelId="${SONNET_45}")\n`,
      'app.ts': `const client = new BedrockRuntimeClient({ region: 'us-east-2' });\nconst id = '${HAIKU_45}';\n`,
      'config.yaml': `region: ap-northeast-1\nmodel: ${HAIKU_45}\nother: "${HAIKU_45}"\n`,
      '.env': `AWS_REGION=eu-west-2\nMODEL=bedrock/${SONNET_45}\n`,
      // No region: the profile is the caller's choice, so there is no certain fix.
      'choice.yaml': `model: ${HAIKU_45}\n`,
    };
    const root = tempTree(before);
    const { stderr, stdout } = await check(root, { fix: true });
    const read = (name: string) => readFileSync(join(root, name), 'utf8');
    expect(read('app.py')).toBe(before['app.py'].replace(`"${SONNET_45}"`, `"eu.${SONNET_45}"`));
    expect(read('app.ts')).toBe(before['app.ts'].replace(`'${HAIKU_45}'`, `'us.${HAIKU_45}'`));
    expect(read('config.yaml')).toBe(`region: ap-northeast-1\nmodel: jp.${HAIKU_45}\nother: "jp.${HAIKU_45}"\n`);
    expect(read('.env')).toBe(`AWS_REGION=eu-west-2\nMODEL=bedrock/eu.${SONNET_45}\n`);
    expect(read('choice.yaml')).toBe(before['choice.yaml']);
    expect(stderr.trim().split('\n')).toEqual([
      `bedrock-lint: fixed .env:2:7: 'bedrock/${SONNET_45}' -> 'bedrock/eu.${SONNET_45}'`,
      `bedrock-lint: fixed app.py:3:26: '${SONNET_45}' -> 'eu.${SONNET_45}'`,
      `bedrock-lint: fixed app.ts:2:13: '${HAIKU_45}' -> 'us.${HAIKU_45}'`,
      `bedrock-lint: fixed config.yaml:2:8: '${HAIKU_45}' -> 'jp.${HAIKU_45}'`,
      `bedrock-lint: fixed config.yaml:3:9: '${HAIKU_45}' -> 'jp.${HAIKU_45}'`,
    ]);
    // What remains is reported as after the fix: only the choice that needs a person.
    expect((JSON.parse(stdout) as JsonFinding[]).map((f) => `${f.file} ${f.ruleId}`)).toEqual(['choice.yaml require-inference-profile']);
    // No temporary files are left behind.
    expect(readdirSync(root).sort()).toEqual(['.env', 'app.py', 'app.ts', 'choice.yaml', 'config.yaml']);
  });

  it('keeps the file mode and the byte-order mark, and reports findings that have no fix', async () => {
    const root = tempTree({ 'run.sh': `\uFEFFAWS_REGION=us-east-1\naws bedrock-runtime converse --model-id ${SONNET_37}\n` });
    chmodSync(join(root, 'run.sh'), 0o755);
    const { stdout, code } = await check(root, { fix: true });
    expect(readFileSync(join(root, 'run.sh'), 'utf8')).toBe(`\uFEFFAWS_REGION=us-east-1\naws bedrock-runtime converse --model-id us.${SONNET_37}\n`);
    expect(statSync(join(root, 'run.sh')).mode & 0o777).toBe(0o755);
    expect((JSON.parse(stdout) as JsonFinding[]).map((f) => f.ruleId)).toEqual(['no-legacy-model']);
    expect(code).toBe(0);
  });

  it('does not rewrite a file that is not valid UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from(`AWS_REGION=us-east-1\nMODEL=${HAIKU_45}\n# `), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]);
    const root = tempTree({ '.env': bytes });
    const { stderr, stdout } = await check(root, { fix: true });
    expect(readFileSync(join(root, '.env')).equals(bytes)).toBe(true);
    expect(stderr).toBe('bedrock-lint: not fixing .env: it is not valid UTF-8.\n');
    const [finding, note] = JSON.parse(stdout) as JsonEntry[];
    expect((finding as JsonFinding).fix?.text).toBe(`us.${HAIKU_45}`);
    expect(note).toEqual({ file: '.env', ruleId: null, severity: 'note', message: 'not fixing .env: it is not valid UTF-8.' });
  });

  it('leaves files without fixes untouched (same modification time)', async () => {
    const root = tempTree({ 'a.yaml': `m: ${SONNET_37}\n` });
    const path = join(root, 'a.yaml');
    writeFileSync(path, `m: us.${SONNET_37}\n`);
    const mtime = statSync(path).mtimeMs;
    await check(root, { fix: true });
    expect(statSync(path).mtimeMs).toBe(mtime);
  });
});

describe('--fix writes the file in place', () => {
  const line = `AWS_REGION=us-east-1\nMODEL=${HAIKU_45}\n`;
  const fixed = `AWS_REGION=us-east-1\nMODEL=us.${HAIKU_45}\n`;

  it('on the same inode: the file keeps its owner, group and mode, and its hard links stay linked', async (context) => {
    const root = tempTree({ '.env': line });
    const path = join(root, '.env');
    const other = join(root, 'linked.env.txt');
    linkSync(path, other);
    chmodSync(path, 0o640);
    // Owned by another user where the test may change owners (as root, in CI and Docker).
    const owner = process.getuid?.() === 0 ? { uid: 4321, gid: 8765 } : null;
    if (owner) chownSync(path, owner.uid, owner.gid);
    else {
      const message = 'not running as root: the owner cannot be changed, so the file keeps the tester as owner and group';
      console.warn(`note: ${message}`);
      await context.annotate(message, 'notice');
    }
    const before = statSync(path);
    await check(root, { fix: true });
    const after = statSync(path);
    expect(readFileSync(path, 'utf8')).toBe(fixed);
    expect(readFileSync(other, 'utf8')).toBe(fixed);
    expect([after.ino, after.nlink, after.mode & 0o7777, after.uid, after.gid]).toEqual([before.ino, 2, 0o640, before.uid, before.gid]);
    if (owner) expect([after.uid, after.gid]).toEqual([owner.uid, owner.gid]);
  });

  it('writes through a symbolic link, and never touches the folder (no temporary file, even in a read-only folder)', async () => {
    const target = tempTree({ 'real.env': line });
    const root = tempTree({});
    symlinkSync(join(target, 'real.env'), join(root, '.env'));
    chmodSync(target, 0o555);
    try {
      const folder = statSync(target).mtimeMs;
      const { stderr } = await check(root, { fix: true, paths: ['.env'] });
      expect(stderr).toBe(`bedrock-lint: fixed .env:2:7: '${HAIKU_45}' -> 'us.${HAIKU_45}'\n`);
      expect(readFileSync(join(target, 'real.env'), 'utf8')).toBe(fixed);
      expect(readdirSync(target)).toEqual(['real.env']);
      expect(statSync(target).mtimeMs).toBe(folder);
    } finally {
      chmodSync(target, 0o755);
    }
  });

  it('refuses a read-only file, with a note, and reports its findings as they are', async () => {
    const root = tempTree({ '.env': line });
    const path = join(root, '.env');
    chmodSync(path, 0o444);
    const { code, stdout, stderr } = await check(root, { fix: true });
    expect(readFileSync(path, 'utf8')).toBe(line);
    expect(statSync(path).mode & 0o777).toBe(0o444);
    expect(stderr).toBe('bedrock-lint: not fixing .env: it is read-only.\n');
    const entries = JSON.parse(stdout) as JsonEntry[];
    expect(findingsOf(entries).map((f) => [f.ruleId, f.fix?.text])).toEqual([['require-inference-profile', `us.${HAIKU_45}`]]);
    expect(entries.at(-1)).toEqual({ file: '.env', ruleId: null, severity: 'note', message: 'not fixing .env: it is read-only.' });
    expect(code).toBe(1);
  });

  it('does not write a file that changed after it was read: what another process wrote stays', async () => {
    const root = tempTree({ '.env': line, 'other.env': line });
    const appended = 'EXTRA=1\n';
    const { code, stderr } = await check(root, {
      fix: true,
      hooks: { beforeWrite: (path) => path.endsWith('/.env') && appendFileSync(path, appended) },
    });
    expect(readFileSync(join(root, '.env'), 'utf8')).toBe(line + appended);
    // The other file is fixed as usual.
    expect(readFileSync(join(root, 'other.env'), 'utf8')).toBe(fixed);
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      'bedrock-lint: not fixing .env: it changed after it was read.',
      `bedrock-lint: fixed other.env:2:7: '${HAIKU_45}' -> 'us.${HAIKU_45}'`,
    ]);
    expect(code).toBe(1);
  });

  it('does not write a file that an editor replaced meanwhile (saved to a new file, renamed over it)', async () => {
    const root = tempTree({ '.env': line });
    const path = join(root, '.env');
    const saved = line.replace('us-east-1', 'us-east-2');
    const { stderr } = await check(root, {
      fix: true,
      hooks: {
        beforeWrite() {
          writeFileSync(`${path}.new`, saved);
          renameSync(`${path}.new`, path);
        },
      },
    });
    expect(readFileSync(path, 'utf8')).toBe(saved);
    expect(stderr).toBe('bedrock-lint: not fixing .env: it changed after it was read.\n');
  });
});

describe('account IDs', () => {
  it('are masked in every output format and in the list of fixes, and kept in the fixed file', async () => {
    const arn = (geo: string) => `arn:aws:bedrock:eu-west-1:111122223333:inference-profile/${geo}.${SONNET_45}`;
    const files = { 'app.py': `import boto3\nboto3.client("bedrock-runtime", region_name="eu-west-1").converse(modelId="${arn('us')}")\n` };
    for (const format of ['json', 'sarif', 'stylish'] as const) {
      const { stdout } = await check(tempTree(files), { format });
      // Messages name the profile, not the ARN; the JSON output's `text` is the masked string.
      expect(stdout).toContain(`'us.${SONNET_45}'`);
      if (format === 'json') expect(stdout).toContain('arn:aws:bedrock:eu-west-1:<account-id>:inference-profile/');
      expect(stdout).not.toContain('111122223333');
    }
    const root = tempTree(files);
    const { stderr } = await check(root, { fix: true });
    expect(stderr).toContain(`-> 'arn:aws:bedrock:eu-west-1:<account-id>:inference-profile/eu.${SONNET_45}'`);
    expect(stderr).not.toContain('111122223333');
    expect(readFileSync(join(root, 'app.py'), 'utf8')).toContain(`modelId="${arn('eu')}"`);
  });

  it('leave out of the JSON and SARIF output a fix or suggestion whose text they would mask; --fix applies it', async () => {
    const arn = (geo: string) => `arn:aws:bedrock:eu-west-1:111122223333:inference-profile/${geo}.${SONNET_45}`;
    const files = {
      'app.py': [
        'import boto3',
        'client = boto3.client("bedrock-runtime", region_name="eu-west-1")',
        `client.converse(modelId="${arn('us')}")`,
        `client.converse(modelId="us.${SONNET_45}")`,
      ].join('\n'),
    };
    const { stdout } = await check(tempTree(files));
    const [withAccount, plain] = JSON.parse(stdout) as JsonFinding[];
    expect(withAccount).toMatchObject({ line: 3, ruleId: 'valid-inference-profile', text: arn('us').replace('111122223333', '<account-id>') });
    expect('fix' in withAccount!).toBe(false);
    expect('suggestions' in withAccount!).toBe(false);
    // Without an account ID, the fix and suggestions are there.
    expect(plain).toMatchObject({ line: 4, fix: { text: `eu.${SONNET_45}` } });
    expect(plain!.suggestions?.length).toBeGreaterThan(0);
    const sarif = (await check(tempTree(files), { format: 'sarif' })).stdout;
    expect(sarif).not.toContain(':<account-id>:inference-profile/eu.');
    expect(sarif).not.toContain(':<account-id>:inference-profile/global.');
    // Stylish still counts both as fixable, and --fix writes both.
    expect((await check(tempTree(files), { format: 'stylish' })).stdout).toContain('2 problems fixable with the `--fix` option.');
    const root = tempTree(files);
    await check(root, { fix: true });
    expect(readFileSync(join(root, 'app.py'), 'utf8')).toContain(`modelId="${arn('eu')}"`);
  });
});
