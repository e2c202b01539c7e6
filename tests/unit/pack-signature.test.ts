import { describe, expect, it } from 'vitest';
import { sha256HexOf } from '../../scripts/lib/pack-keys';
import { base64ToBytes, bytesToBase64, sha256Hex, verifyPackSignature } from '../../src/knowledge/pack-signature';
import { encode, subtle, testKeys } from '../helpers/signing';
import { signBytes } from '../../scripts/lib/pack-keys';

describe('pack signatures (Ed25519 over the exact bytes)', () => {
  const project = testKeys();
  const foreign = testKeys();
  const bytes = encode('{"format":2,"meta":{"version":"1.1.0"}}');
  const signature = signBytes(bytes, project.privatePem);

  it('accepts a signature made with the matching private key', async () => {
    expect(await verifyPackSignature(subtle, bytes, signature, project.publicKey)).toEqual({ valid: true });
  });

  it('refuses the same signature under a foreign key', async () => {
    expect(await verifyPackSignature(subtle, bytes, signature, foreign.publicKey)).toEqual({ valid: false, reason: 'mismatch' });
  });

  it('refuses a pack changed by one byte', async () => {
    const changed = bytes.slice();
    changed[5] = changed[5]! ^ 1;
    expect(await verifyPackSignature(subtle, changed, signature, project.publicKey)).toEqual({ valid: false, reason: 'mismatch' });
  });

  it('refuses a pack whose text differs only in white space (no re-serialisation)', async () => {
    const spaced = encode('{"format": 2,"meta":{"version":"1.1.0"}}');
    expect((await verifyPackSignature(subtle, spaced, signature, project.publicKey)).valid).toBe(false);
  });

  it.each([
    ['not base64', '***', 'bad-signature-format'],
    ['too short', bytesToBase64(new Uint8Array(10)), 'bad-signature-format'],
    ['empty', '', 'bad-signature-format'],
  ])('names a malformed signature (%s)', async (_name, sig, reason) => {
    expect(await verifyPackSignature(subtle, bytes, sig, project.publicKey)).toEqual({ valid: false, reason });
  });

  it('names a malformed public key', async () => {
    expect(await verifyPackSignature(subtle, bytes, signature, bytesToBase64(new Uint8Array(31)))).toEqual({ valid: false, reason: 'bad-key' });
    expect(await verifyPackSignature(subtle, bytes, signature, 'not a key')).toEqual({ valid: false, reason: 'bad-key' });
  });

  it('accepts a signature file that ends with a newline', async () => {
    expect(await verifyPackSignature(subtle, bytes, `${signature}\n`, project.publicKey)).toEqual({ valid: true });
  });

  it('computes the same SHA-256 as Node', async () => {
    expect(await sha256Hex(subtle, bytes)).toBe(sha256HexOf(bytes));
  });

  it('round-trips base64', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    expect(base64ToBytes(bytesToBase64(all))).toEqual(all);
    expect(base64ToBytes('abc')).toBeNull();
  });
});
