/**
 * The build the browser tests run: the extension as shipped, except that it trusts a signing key made for this run
 * (kept outside the repository) instead of the project's, and may reach a feed on 127.0.0.1 without a permission
 * prompt, which headless tests cannot answer. Returns the environment the browser tests need.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `run(title, command, env)` runs and reports one step; returns the tests' environment, or null when a step failed. */
export function buildForBrowserTests(run) {
  const key = join(mkdtempSync(join(tmpdir(), 'negotiation-lens-key-')), 'test-signing-key.pem');
  const keygen = spawnSync(`npm run --silent pack:keygen -- --out ${JSON.stringify(key)}`, { shell: true, encoding: 'utf8' });
  const publicKey = /Public key:\s+(\S+)/.exec(keygen.stdout ?? '')?.[1];
  if (keygen.status !== 0 || !publicKey) {
    console.error(`\nCould not make the browser tests' signing key:\n${keygen.stderr}`);
    return null;
  }
  if (!run('Chrome build (for the browser tests)', 'npx wxt build', { WXT_TEST_BUILD: '1', WXT_PACK_PUBLIC_KEY: publicKey })) return null;
  return { PACK_TEST_SIGNING_KEY: key };
}
