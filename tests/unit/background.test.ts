import { Fragment, h, render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../src/background/background-app';
import type { CardModel } from '../../src/cards/card-model';
import { entityIds } from '../../src/knowledge/alias-table-from-pack';
import { fromMarkup, type RenderedCard } from '../../src/ui/markup';
import type { CardFrame } from '../../src/overlay/Card';
import { createMessages, fileSource } from '../../src/i18n/messages';
import ukrainian from '../../public/_locales/uk/messages.json';
import { miniPack } from '../helpers/packs';

/** The real fake storage and runtime, plus stubs for what fakeBrowser does not implement. */
function browserStub() {
  const commandListeners: ((command: string) => Promise<void>)[] = [];
  const calls: unknown[][] = [];
  const api = {
    runtime: {
      ...fakeBrowser.runtime,
      getURL: (path: string) => `chrome-extension://test${path}`,
      getManifest: () => ({ action: { default_popup: 'popup.html' } }),
    },
    storage: fakeBrowser.storage,
    commands: { onCommand: { addListener: (fn: (command: string) => Promise<void>) => commandListeners.push(fn) } },
    tabs: { query: vi.fn(async () => [{ id: 7 }]), sendMessage: vi.fn(async () => ({ found: true })), create: vi.fn(async () => ({})) },
    action: {
      openPopup: vi.fn(async () => void calls.push(['openPopup'])),
      setPopup: vi.fn(async (details: { tabId?: number; popup: string }) => void calls.push(['setPopup', details])),
    },
  };
  return { api, calls, command: (name: string) => Promise.all(commandListeners.map((fn) => fn(name))) };
}

const send = (message: unknown) => fakeBrowser.runtime.sendMessage(message);

describe('the background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers card requests by entity key, honouring the party filter in settings', async () => {
    const { api } = browserStub();
    const pack = miniPack();
    startBackground(api as never, pack);
    const key = entityIds(pack).indexOf('ceasefire');
    const card = (await send({ type: 'getCard', payload: { entity: key } })) as RenderedCard;
    expect(card.model.kind).toBe('topic');
    const rows = (card.model as Extract<CardModel, { kind: 'topic' }>).lines;
    expect(rows.map((r) => r.id)).toEqual(['us', 'ukraine', 'russia', 'europe']);
    // The body comes rendered, with the same rows: one table row per party.
    const host = document.createElement('div');
    render(h(Fragment, null, ...card.body.map(fromMarkup)), host);
    expect([...host.querySelectorAll('.stances tbody th')].map((th) => th.textContent)).toEqual(rows.map((r) => r.name));
    await fakeBrowser.storage.sync.set({ 'pref:parties': ['ukraine', 'russia'] });
    const filtered = (await send({ type: 'getCard', payload: { entity: key } })) as RenderedCard;
    expect((filtered.model as Extract<CardModel, { kind: 'topic' }>).lines.map((r) => r.id)).toEqual(['ukraine', 'russia']);
    expect(await send({ type: 'getCard', payload: { entity: 9999 } })).toBeFalsy();
  });

  it("splits a card at the article's day the page sends, and ignores a day that is not one", async () => {
    const { api } = browserStub();
    const pack = miniPack();
    startBackground(api as never, pack);
    const key = entityIds(pack).indexOf('ceasefire');
    const whole = (await send({ type: 'getCard', payload: { entity: key } })) as RenderedCard;
    const days = whole.model.kind === 'topic' ? whole.model.lines.flatMap((line) => line.stances.map((s) => s.date.datetime)).sort() : [];
    expect(days.length).toBeGreaterThan(1);
    const between = days[0]!;
    const split = (await send({ type: 'getCard', payload: { entity: key, articleDay: between } })) as RenderedCard;
    expect(split.model.sinceArticle?.lines.flatMap((line) => line.stances).every((s) => s.date.datetime > between)).toBe(true);
    expect(JSON.stringify(split.body)).toContain('Since then');
    for (const articleDay of ['2025-02-30', '<img src=x>', 12]) {
      const ignored = (await send({ type: 'getCard', payload: { entity: key, articleDay } })) as RenderedCard;
      expect(ignored.model, String(articleDay)).toEqual(whole.model);
    }
  });

  it('hands out the card styles it was started with, and the words around a card in English by default', async () => {
    const { api } = browserStub();
    startBackground(api as never, miniPack(), { cardStyles: '.card{color:red}' });
    const frame = (await send({ type: 'getCardFrame', payload: {} })) as CardFrame;
    expect(frame.css).toBe('.card{color:red}');
    expect(frame.words).toMatchObject({ more: 'More', close: 'Close card', asOf: ['As of ', ''], kinds: { topic: 'Topic' } });
  });

  it('writes cards, their frame and their dates in the language it is given', async () => {
    const { api } = browserStub();
    const pack = miniPack();
    startBackground(api as never, pack, { clock: () => new Date('2026-12-02T12:00:00Z'), messages: createMessages(fileSource(ukrainian, 'uk')) });
    const frame = (await send({ type: 'getCardFrame', payload: {} })) as CardFrame;
    expect(frame.words).toMatchObject({ more: 'Більше', close: 'Закрити картку', asOf: ['Станом на ', ''], kinds: { topic: 'Тема', person: 'Особа' } });
    const key = entityIds(pack).indexOf('ceasefire');
    const card = (await send({ type: 'getCard', payload: { entity: key } })) as RenderedCard;
    const host = document.createElement('div');
    render(h(Fragment, null, ...card.body.map(fromMarkup)), host);
    // The parties and the table's labels are Ukrainian; the pack's own text stays English.
    expect([...host.querySelectorAll('.stances tbody th')].map((th) => th.textContent)).toEqual(['США', 'Україна', 'Росія', 'Європа']);
    expect(host.querySelector('.stances caption')!.textContent).toBe('Позиції сторін (остання позиція)');
    expect(host.textContent).not.toMatch(/\b(Status|Source|Sources|Stated|Reported|Party)\b/);
    expect(card.model.asOf.text).toMatch(/^\d{1,2} [а-яіїє]+ \d{4}/);
    expect(card.model.freshness?.latest?.ago).toMatch(/тому|сьогодні|вчора/);
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

  it('opens the popup at an item by its address, set for the sender\'s tab only while the popup opens', async () => {
    const { api, calls } = browserStub();
    let listener: ((message: unknown, sender: { tab?: { id?: number } }) => Promise<unknown> | undefined) | undefined;
    api.runtime = { ...api.runtime, onMessage: { ...fakeBrowser.runtime.onMessage, addListener: (fn: typeof listener) => void (listener = fn) } } as never;
    startBackground(api as never, miniPack());
    const fromTab = (message: unknown) => listener!(message, { tab: { id: 7 } });

    expect(await fromTab({ type: 'openInPopup', payload: { id: 'riyadh-talks' } })).toEqual({ opened: 'popup' });
    expect(calls).toEqual([
      ['setPopup', { tabId: 7, popup: 'popup.html?focus=riyadh-talks' }],
      ['openPopup'],
      ['setPopup', { tabId: 7, popup: 'popup.html' }],
    ]);
    // Nothing is left in storage for another page to take.
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});

    calls.length = 0;
    api.action.openPopup.mockRejectedValueOnce(new Error('not allowed'));
    expect(await fromTab({ type: 'openInPopup', payload: { id: 'putin & co' } })).toEqual({ opened: 'tab' });
    expect(api.tabs.create).toHaveBeenCalledWith({ url: 'chrome-extension://test/popup.html?focus=putin%20%26%20co' });
    // The tab's popup is back to the standard one even though opening failed.
    expect(calls.at(-1)).toEqual(['setPopup', { tabId: 7, popup: 'popup.html' }]);
  });

  it('ignores messages that are not part of the protocol', async () => {
    const { api } = browserStub();
    startBackground(api as never, miniPack());
    // No handler answers: the listener returns undefined, so the sender gets no reply.
    expect(await send({ type: 'evil', payload: {} })).toBeUndefined();
    expect(await send('getCard')).toBeUndefined();
    expect(await send({ type: 'toString', payload: {} })).toBeUndefined();
  });

  it('hands content scripts the active pack\'s alias table through storage, and drops card requests from another pack', async () => {
    const { api } = browserStub();
    const pack = miniPack();
    const { ready } = startBackground(api as never, pack);
    await ready;
    const stored = (await fakeBrowser.storage.local.get('pack:matcher'))['pack:matcher'] as { revision: string; table: string };
    expect(stored.table).toContain('Zelensky');
    expect(await send({ type: 'getMatcherTable', payload: {} })).toEqual(stored);
    const key = entityIds(pack).indexOf('ceasefire');
    expect(await send({ type: 'getCard', payload: { entity: key, revision: stored.revision } })).toMatchObject({ model: { kind: 'topic', freshness: { asOf: pack.meta.asOf } } });
    expect(await send({ type: 'getCard', payload: { entity: key, revision: 'stored-of-another-pack' } })).toBeFalsy();
  });

  it('keeps a daily update alarm exactly while updates are on', async () => {
    const { api } = browserStub();
    const alarms = new Map<string, unknown>();
    const withAlarms = {
      ...api,
      permissions: { contains: async () => false },
      alarms: {
        get: async (name: string) => alarms.get(name),
        create: (name: string, info: unknown) => void alarms.set(name, info),
        clear: async (name: string) => alarms.delete(name),
        onAlarm: { addListener: () => undefined },
      },
    };
    const { ready } = startBackground(withAlarms as never, miniPack());
    await ready;
    expect(alarms.size).toBe(0);
    await fakeBrowser.storage.sync.set({ 'pref:packUpdates': true });
    await vi.waitFor(() => expect(alarms.get('pack-update')).toEqual({ periodInMinutes: 1440, delayInMinutes: 1440 }));
    // Turning updates on checks at once; without the feed's permission it says so and fetches nothing.
    await vi.waitFor(async () => expect((await fakeBrowser.storage.local.get('pack:update-status'))['pack:update-status']).toMatchObject({ outcome: 'no-permission' }));
    await fakeBrowser.storage.sync.set({ 'pref:packUpdates': false });
    await vi.waitFor(() => expect(alarms.has('pack-update')).toBe(false));
  });
});
