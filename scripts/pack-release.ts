/**
 * npm run pack:release -- --out DIR [--pack FILE] [--key FILE]
 * Prepares a release for the update feed in DIR, ready for any static host:
 *   pack-<version>.json       the pack's exact bytes (from FILE, default data/pack.json)
 *   pack-<version>.json.sig   its detached Ed25519 signature
 *   feed.json                 the manifest readers' browsers fetch: version, as-of date, size, SHA-256, file names
 * The pack is checked first, with the same rules as pack:check; an invalid pack is not released.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUNDLED_PACK_PATH } from '../src/knowledge/build-plugin';
import { FEED_FORMAT, type FeedManifest } from '../src/knowledge/pack-feed';
import { validatePackText } from '../src/knowledge/validate';
import { optionValue } from './lib/args';
import { publicKeyOfPrivatePem, sha256HexOf, signBytes } from './lib/pack-keys';
import { readSigningKey } from './lib/private-key-file';

const args = process.argv.slice(2);
const outOption = optionValue(args, '--out');
if (!outOption) {
  console.error('usage: npm run pack:release -- --out DIR [--pack FILE] [--key FILE]');
  process.exit(2);
}
const packPath = optionValue(args, '--pack') ?? BUNDLED_PACK_PATH;
const bytes = readFileSync(packPath);
const result = validatePackText(bytes.toString('utf8'));
if (!result.ok) {
  console.error(`pack:release: ${packPath} is not a valid pack (${result.problems.length} problems); nothing was written.`);
  for (const problem of result.problems) console.error(`  ${problem.path}: ${problem.message}`);
  process.exit(1);
}
const key = readSigningKey('pack:release', optionValue(args, '--key'));
const { meta } = result.pack;
const out = resolve(outOption);
const packFile = `pack-${meta.version}.json`;
const manifest: FeedManifest = {
  format: FEED_FORMAT,
  pack: { id: meta.id, version: meta.version, asOf: meta.asOf, url: packFile, signature: `${packFile}.sig`, size: bytes.length, sha256: sha256HexOf(bytes) },
};
mkdirSync(out, { recursive: true });
writeFileSync(join(out, packFile), bytes);
writeFileSync(join(out, `${packFile}.sig`), `${signBytes(bytes, key)}\n`);
writeFileSync(join(out, 'feed.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`Released "${meta.id}" ${meta.version} (as of ${meta.asOf}) to ${out}: feed.json, ${packFile}, ${packFile}.sig`);
console.log(`Signed with the key whose public half is ${publicKeyOfPrivatePem(key)}`);
