import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { isInsideRepository } from './pack-keys';

/**
 * The private key's PEM text, from `--key FILE`, else the PACK_SIGNING_KEY environment variable (a path), else the
 * default path of pack:keygen. A key inside the repository is refused: it must never be committed.
 */
export function readSigningKey(tool: string, keyOption: string | undefined): string {
  const path = resolve(keyOption ?? process.env.PACK_SIGNING_KEY ?? join(homedir(), '.negotiation-lens', 'pack-signing-key.pem'));
  if (isInsideRepository(path)) {
    console.error(`${tool}: refusing to use a private key inside the repository (${path}); keep it outside and never commit it.`);
    process.exit(2);
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    console.error(`${tool}: cannot read the private key ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Make one with npm run pack:keygen.`);
    process.exit(2);
  }
}
