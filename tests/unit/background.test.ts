import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../src/background/background-app';
import { entityIds } from '../../src/knowledge/alias-table-from-pack';
import { miniPack } from '../helpers/packs';

/** The real fake storage and runtime, plus stubs for what fakeBrowser does not implement. */
function browserStub() {
  const commandListeners: ((command: string) => Promise<void>)[] = [];
  const api = {
    runtime: { ...fakeBrowser.runtime, getURL: (path: string) => `chrome-extension://test${path}` },
    storage: fakeBrowser.storage,
    commands: { onCommand: { addListener: (fn: (command: string) => Promise<void>) => commandListeners.push(fn) } },
    tabs: { query: vi.fn(async () => [{ id: 7 }]), sendMessage: vi.fn(async () => ({ found: true })), create: vi.fn(async () => ({})) },
    action: { openPopup: vi.fn(async () => undefined) },
  };
  return { api, command: (name: string) => Promise.all(commandListeners.map((fn) => fn(name))) };
}

const send = (message: unknown) => fakeBrowser.runtime.sendMessage(message);

describe('the background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers card requests by entity key, honouring the party filter in settings', async () => {
    const { api } = browserStub();
    const pack = miniPack();
    startBackground(api as never, pack);
    const key = entityIds(pack).indexOf('ceasefire');
    const card = (await send({ type: 'getCard', payload: { entity: key } })) as { kind: string; rows: { party: string }[] };
    expect(card.kind).toBe('topic');
    expect(card.rows.map((r) => r.party)).toEqual(['us', 'ukraine', 'russia', 'europe']);
    await fakeBrowser.storage.sync.set({ 'pref:parties': ['ukraine', 'russia'] });
    const filtered = (await send({ type: 'getCard', payload: { entity: key } })) as { rows: { party: string }[] };
    expect(filtered.rows.map((r) => r.party)).toEqual(['ukraine', 'russia']);
    expect(await send({ type: 'getCard', payload: { entity: 9999 } })).toBeFalsy();
  });

  it('hands out the card styles it was started with', async () => {
    const { api } = browserStub();
    startBackground(api as never, miniPack(), '.card{color:red}');
    expect(await send({ type: 'getCardStyles', payload: {} })).toBe('.card{color:red}');
  });

  it('decides the page policy from stored settings', async () => {
    const { api } = browserStub();
    startBackground(api as never, miniPack());
    expect(await send({ type: 'getPagePolicy', payload: { url: 'https://www.reuters.com/x' } })).toMatchObject({ decision: { on: true, site: 'reuters.com' }, display: { highlightStyle: 'underline' } });
    await fakeBrowser.storage.sync.set({ 'site:reuters.com': 'off', 'pref:highlightStyle': 'background' });
    expect(await send({ type: 'getPagePolicy', payload: { url: 'https://www.reuters.com/x' } })).toMatchObject({ decision: { on: false, reason: 'site-choice' }, display: { highlightStyle: 'background' } });
  });

  it('turns the keyboard commands into step messages for the active tab', async () => {
    const { api, command } = browserStub();
    startBackground(api as never, miniPack());
    await command('next-mention');
    await command('previous-mention');
    await command('something-else');
    expect(api.tabs.sendMessage.mock.calls).toEqual([
      [7, { type: 'stepMention', payload: { direction: 1 } }],
      [7, { type: 'stepMention', payload: { direction: -1 } }],
    ]);
  });

  it('opens the popup at an item, or a popup tab where the browser cannot open the popup', async () => {
    const { api } = browserStub();
    startBackground(api as never, miniPack());
    expect(await send({ type: 'openInPopup', payload: { id: 'riyadh-talks' } })).toEqual({ opened: 'popup' });
    expect(await fakeBrowser.storage.session.get('popup-focus')).toEqual({ 'popup-focus': 'riyadh-talks' });
    api.action.openPopup.mockRejectedValueOnce(new Error('not allowed'));
    expect(await send({ type: 'openInPopup', payload: { id: 'putin' } })).toEqual({ opened: 'tab' });
    expect(api.tabs.create).toHaveBeenCalledWith({ url: 'chrome-extension://test/popup.html#focus=putin' });
  });

  it('ignores messages that are not part of the protocol', async () => {
    const { api } = browserStub();
    startBackground(api as never, miniPack());
    // No handler answers: the listener returns undefined, so the sender gets no reply.
    expect(await send({ type: 'evil', payload: {} })).toBeUndefined();
    expect(await send('getCard')).toBeUndefined();
    expect(await send({ type: 'toString', payload: {} })).toBeUndefined();
  });
});
