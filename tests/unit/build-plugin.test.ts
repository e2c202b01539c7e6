import { describe, expect, it } from 'vitest';
import { knowledgePackPlugin } from '../../src/knowledge/build-plugin';
import { fixturePath } from '../helpers/packs';

/** Runs the plugin's build-time check the way Vite does: configResolved, then buildStart. */
function buildStart(packPath: string) {
  const plugin = knowledgePackPlugin(packPath);
  (plugin.configResolved as (config: unknown) => void)({ root: process.cwd(), command: 'build' });
  (plugin.buildStart as (this: unknown) => void).call({ addWatchFile() {} });
  return plugin;
}

describe('the build checks the bundled pack', () => {
  it('fails the build with the problems of an invalid pack', () => {
    expect(() => buildStart(fixturePath('packs/broken/several-problems.json'))).toThrow(/is invalid \(\d+ problems\):\n {2}\$\./);
  });

  it('builds the pack module from a valid pack, and nothing else', () => {
    const plugin = buildStart(fixturePath('packs/mini-pack.json'));
    const load = plugin.load as (id: string) => string | null;
    const packModule = load('\0virtual:knowledge-pack');
    expect(packModule).toMatch(/^export default JSON\.parse\("/);
    expect(packModule).toContain('zelensky');
    // The content script takes its alias table from the active pack at run time, not from the build.
    expect(load('\0virtual:alias-table')).toBeNull();
  });
});
