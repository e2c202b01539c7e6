/**
 * npm run pack:sign -- PACK [--key FILE]
 * Writes PACK.sig: the detached Ed25519 signature (base64) of PACK's exact bytes. Change nothing in PACK after
 * signing, not even white space. The key comes from --key, PACK_SIGNING_KEY, or pack:keygen's default path.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { optionValue, positional } from './lib/args';
import { signBytes } from './lib/pack-keys';
import { readSigningKey } from './lib/private-key-file';

const args = process.argv.slice(2);
const [pack] = positional(args, ['--key']);
if (!pack) {
  console.error('usage: npm run pack:sign -- PACK [--key FILE]');
  process.exit(2);
}
const key = readSigningKey('pack:sign', optionValue(args, '--key'));
const signature = signBytes(readFileSync(pack), key);
writeFileSync(`${pack}.sig`, `${signature}\n`);
console.log(`Signed ${pack} → ${pack}.sig`);
