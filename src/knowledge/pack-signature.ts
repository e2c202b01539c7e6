/**
 * Signatures and digests of knowledge packs. A pack is signed as the exact bytes of its file (detached Ed25519),
 * so that what was signed is what is verified: no re-serialisation, no canonical form to get wrong.
 *
 * WebCrypto is passed in (`subtle`): the background uses the browser's, the publishing tools and tests use Node's.
 * Both implement Ed25519 (Chromium 137+, Firefox 129+, Node 20), which is why the manifest asks for those versions.
 */

export type Subtle = Pick<SubtleCrypto, 'importKey' | 'verify' | 'digest'>;

/** Ed25519 public keys are 32 bytes, signatures 64. */
const PUBLIC_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;

export function base64ToBytes(text: string): Uint8Array | null {
  const clean = text.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return null;
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export async function sha256Hex(subtle: Subtle, bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export type SignatureCheck = { valid: true } | { valid: false; reason: 'bad-key' | 'bad-signature-format' | 'mismatch' | 'unsupported' };

/**
 * Checks a detached signature (base64 text, as the publishing tools write it) over `bytes` with a public key
 * (base64 of the 32 raw bytes). Never throws: every way of failing is a reason the caller can show.
 */
export async function verifyPackSignature(subtle: Subtle, bytes: Uint8Array, signatureBase64: string, publicKeyBase64: string): Promise<SignatureCheck> {
  const keyBytes = base64ToBytes(publicKeyBase64);
  if (!keyBytes || keyBytes.length !== PUBLIC_KEY_BYTES) return { valid: false, reason: 'bad-key' };
  const signature = base64ToBytes(signatureBase64);
  if (!signature || signature.length !== SIGNATURE_BYTES) return { valid: false, reason: 'bad-signature-format' };
  let key: CryptoKey;
  try {
    key = await subtle.importKey('raw', keyBytes as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, ['verify']);
  } catch (error) {
    // A browser without Ed25519 in WebCrypto says NotSupportedError; a malformed key, DataError.
    return { valid: false, reason: (error as Error).name === 'NotSupportedError' ? 'unsupported' : 'bad-key' };
  }
  const ok = await subtle.verify({ name: 'Ed25519' }, key, signature as Uint8Array<ArrayBuffer>, bytes as Uint8Array<ArrayBuffer>);
  return ok ? { valid: true } : { valid: false, reason: 'mismatch' };
}

export const SIGNATURE_PROBLEMS: Readonly<Record<Exclude<SignatureCheck, { valid: true }>['reason'], string>> = {
  'bad-key': 'the public key is not a valid Ed25519 key (32 bytes, base64)',
  'bad-signature-format': 'the signature file is not a base64 Ed25519 signature (64 bytes)',
  mismatch: 'the signature does not match this pack and key',
  unsupported: 'this browser cannot check Ed25519 signatures',
};
