import { webcrypto } from 'node:crypto';
import { generateSigningKeys, sha256HexOf, signBytes } from '../../scripts/lib/pack-keys';

export const subtle = webcrypto.subtle as unknown as SubtleCrypto;
export const encode = (text: string) => new TextEncoder().encode(text);

/** A fresh key pair per call: tests never share keys, and no key is ever stored in the repository. */
export const testKeys = () => generateSigningKeys();

/** The files a feed serves for one pack text, signed with `privatePem`. */
export function feedFiles(packText: string, privatePem: string, overrides: Record<string, unknown> = {}) {
  const bytes = encode(packText);
  const pack = JSON.parse(packText) as { meta: { id: string; version: string; asOf: string } };
  const manifest = {
    format: 1,
    pack: {
      id: pack.meta.id,
      version: pack.meta.version,
      asOf: pack.meta.asOf,
      url: `pack-${pack.meta.version}.json`,
      signature: `pack-${pack.meta.version}.json.sig`,
      size: bytes.length,
      sha256: sha256HexOf(bytes),
      ...overrides,
    },
  };
  return { manifest, packText, signature: signBytes(bytes, privatePem) };
}
