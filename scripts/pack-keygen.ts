/**
 * npm run pack:keygen -- [--out FILE]
 * Makes a new Ed25519 key pair for signing knowledge packs. The private key is written to FILE (default
 * ~/.negotiation-lens/pack-signing-key.pem, readable by its owner only) and never inside this repository; the
 * public key is printed, for `src/build-config.ts` (the project's key) or for the options page (your own feed).
 * Refuses to overwrite an existing key.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { generateSigningKeys, isInsideRepository } from './lib/pack-keys';
import { optionValue } from './lib/args';

const out = resolve(optionValue(process.argv.slice(2), '--out') ?? join(homedir(), '.negotiation-lens', 'pack-signing-key.pem'));
if (isInsideRepository(out)) {
  console.error(`pack:keygen: refusing to write a private key inside the repository (${out}). Choose a path outside it with --out.`);
  process.exit(2);
}
if (existsSync(out)) {
  console.error(`pack:keygen: ${out} exists already; move it away first if you really mean to replace the key.`);
  process.exit(2);
}
const { privatePem, publicKey } = generateSigningKeys();
mkdirSync(dirname(out), { recursive: true, mode: 0o700 });
writeFileSync(out, privatePem, { mode: 0o600 });
console.log(`Private key: ${out} (keep it secret and backed up; anyone with it can publish packs readers trust)`);
console.log(`Public key:  ${publicKey}`);
