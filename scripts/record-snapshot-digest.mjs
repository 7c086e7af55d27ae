// Run by `npm run build` after tsc: validates the bundled snapshot with the full schema (a broken
// snapshot fails the build) and records its SHA-256 in dist/, so that loading the very same bytes
// later can skip validating them again. Any other bytes, and every user snapshot, are validated.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { BUNDLED_DIGEST_PATH, DEFAULT_SNAPSHOT_PATH, parseSnapshot } from '../dist/registry/registry.js';

const text = readFileSync(DEFAULT_SNAPSHOT_PATH, 'utf8');
parseSnapshot(JSON.parse(text), DEFAULT_SNAPSHOT_PATH);
writeFileSync(BUNDLED_DIGEST_PATH, `${createHash('sha256').update(text).digest('hex')}\n`);
