import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { popupDeps } from '../../src/popup/popup-deps';
import { infoOf } from '../../src/knowledge/active-pack';
import { miniPack } from '../helpers/packs';

const active = () => {
  const pack = miniPack();
  return { pack, info: infoOf(pack, 'bundled', true), revision: 'test', changes: null, staleNotice: null };
};

describe('popupDeps', () => {
  beforeEach(() => fakeBrowser.reset());

  it('takes the item to open from the popup\'s own address, however many times it is asked', async () => {
    const deps = popupDeps(fakeBrowser as never, active(), { search: '?focus=riyadh-talks', hash: '' });
    expect(await deps.takeFocusRequest()).toBe('riyadh-talks');
    // Another popup, opened the usual way, has no item: nothing it reads was left behind by the first.
    const plain = popupDeps(fakeBrowser as never, active(), { search: '', hash: '' });
    expect(await plain.takeFocusRequest()).toBeNull();
    expect(await deps.takeFocusRequest()).toBe('riyadh-talks');
  });
});
