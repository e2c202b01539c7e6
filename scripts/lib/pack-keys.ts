/**
 * Node-side key handling for the publishing tools (pack:keygen, pack:sign, pack:release) and the tests.
 * Private keys are PKCS#8 PEM files that live outside the repository; public keys travel as base64 of the 32 raw
 * Ed25519 bytes, the form the extension's verifier reads.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { dirname, relative, resolve, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root: the tools refuse to write or read a private key anywhere under it. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** DER SubjectPublicKeyInfo of an Ed25519 key is a fixed 12-byte header followed by the 32 key bytes. */
const SPKI_HEADER_BYTES = 12;

export function generateSigningKeys(): { privatePem: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey: publicKeyBase64(publicKey) };
}

export function publicKeyBase64(key: KeyObject): string {
  const der = key.export({ type: 'spki', format: 'der' });
  return der.subarray(SPKI_HEADER_BYTES).toString('base64');
}

export function publicKeyOfPrivatePem(privatePem: string): string {
  return publicKeyBase64(createPublicKey(createPrivateKey(privatePem)));
}

/** The detached signature over the exact bytes, as base64 text (what a `.sig` file holds). */
export function signBytes(bytes: Uint8Array, privatePem: string): string {
  return sign(null, bytes, createPrivateKey(privatePem)).toString('base64');
}

export const sha256HexOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** True when `path` is the repository or inside it (following symbolic links of the parts that exist). */
export function isInsideRepository(path: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      const parent = dirname(p);
      return parent === p ? p : resolve(real(parent), p.slice(parent.length + 1));
    }
  };
  const rel = relative(real(REPO_ROOT), real(resolve(path)));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
