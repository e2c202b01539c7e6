/**
 * The options page with Ukrainian messages: every word of its own is Ukrainian (headings, labels, hints, buttons,
 * what is read out, states that appear on demand, counts in their plural forms, dates), while the pack's text, the
 * sites' names and technical detail stay as they came. The English page is tested in options-app.test.tsx, with
 * the English default.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '../../public/_locales/en/messages.json';
import ukrainian from '../../public/_locales/uk/messages.json';
import type { PackInfo } from '../../src/knowledge/active-pack';
import type { PackPreview, PackStatus } from '../../src/knowledge/pack-status';
import type { KnowledgeClient } from '../../src/options/knowledge-client';
import { OptionsApp, type OptionsStorage } from '../../src/options/OptionsApp';
import { readSettings } from '../../src/settings/settings';
import { createMessages, ENGLISH, fileSource, type Messages } from '../../src/i18n/messages';
import { waitFor } from '../helpers/wait';

const UK = createMessages(fileSource(ukrainian, 'uk-UA'));

/** Stored values this version cannot read: the page says which settings were reset. */
const UNREADABLE = { 'pref:highlightStyle': 42, 'site:bbc.com': 7 };

/**
 * Text that is not the page's own words, so it stays as it came: the pack's, the sites', technical detail (the
 * settings reader's own lines under "What was wrong", the storage's and the feed's errors, the validator's).
 */
const KEPT_AS_IS = [
  ...readSettings(UNREADABLE).problems,
  'Negotiations 2025 (test pack)',
  'Talks resume in Istanbul',
  'Ukraine rejects the draft',
  'its stored text is not JSON',
  'QUOTA_BYTES quota exceeded',
  "the pack's SHA-256 does not match the feed manifest",
  '$.stances[0].date',
  'is not a real day',
  // What the reader typed, said back.
  'not a site',
  'not a key',
];

const pack = (version: string, asOf: string, extra: Partial<PackInfo> = {}): PackInfo => ({
  id: 'negotiations',
  title: 'Negotiations 2025 (test pack)',
  version,
  asOf,
  origin: 'bundled',
  official: true,
  ...extra,
});

const STATUS: PackStatus = {
  active: pack('1.3.0', '2025-05-08', { origin: 'feed', activatedAt: '2025-05-09T08:30:00.000Z' }),
  bundled: pack('1.2.0', '2025-04-02'),
  notice: {
    message: 'The knowledge pack in use (version 1.4.0) could not be read: its stored text is not JSON. The previous pack (version 1.3.0, as of 2025-05-08) is in use again.',
    unreadable: { version: '1.4.0', problem: 'its stored text is not JSON', instead: { kind: 'previous', version: '1.3.0', asOf: '2025-05-08' } },
  },
  lastCheck: {
    at: '2025-05-10T06:00:00.000Z',
    outcome: 'refused',
    reason: 'hash',
    message: "Update refused: the pack's SHA-256 does not match the feed manifest. The pack in use was kept.",
    finding: { kind: 'feed-refused', detail: "the pack's SHA-256 does not match the feed manifest" },
  },
  feed: { url: 'https://packs.example.org/feed.json', defaultUrl: 'https://packs.example.org/feed.json', usesProjectKey: true },
};

const PREVIEW: PackPreview = {
  ok: true,
  info: pack('1.4.0', '2025-05-20', { origin: 'import', official: false }),
  diff: {
    from: { version: '1.3.0', asOf: '2025-05-08' },
    to: { version: '1.4.0', asOf: '2025-05-20' },
    added: [{ section: 'events', id: 'istanbul', label: 'Talks resume in Istanbul', date: '2025-05-16' }],
    changed: [
      { section: 'stances', id: 'a', label: 'Ukraine rejects the draft', date: '2025-05-12' },
      { section: 'stances', id: 'b', label: 'Ukraine rejects the draft', date: '2025-05-13' },
      ...['one', 'two', 'three', 'four', 'five'].map((id) => ({ section: 'topics' as const, id, label: 'Talks resume in Istanbul' })),
    ],
    removed: [],
  },
  signer: 'unsigned',
  signatureProblem: null,
};

/** The background, as far as the page asks it; "use the bundled pack" leaves a pack never checked for updates. */
function client(): KnowledgeClient {
  let status = STATUS;
  return {
    status: async () => status,
    preview: async (text) =>
      text.includes('broken') ? { ok: false, problems: Array.from({ length: 52 }, () => ({ path: '$.stances[0].date', message: 'is not a real day' })) } : PREVIEW,
    activate: async () => ({ ok: true, info: PREVIEW.ok ? PREVIEW.info : STATUS.active }),
    useBundled: async () => {
      status = { ...STATUS, active: STATUS.bundled, notice: null, lastCheck: null };
      return STATUS.bundled;
    },
    checkNow: async () => STATUS.lastCheck!,
    dismissNotice: async () => {},
    requestOrigin: async () => false,
    releaseOrigin: async () => {},
    onChange: () => () => {},
  };
}

let container: HTMLElement;
const $ = <T extends Element = HTMLElement>(selector: string) => container.querySelector<T>(selector);
const byId = <T extends HTMLElement = HTMLElement>(id: string) => container.querySelector<T>(`[id="${id}"]`);

/** Renders the page; returns what it said before it had read anything. */
async function mount(messages: Messages): Promise<string[]> {
  render(<OptionsApp storage={fakeBrowser.storage as unknown as OptionsStorage} knowledge={client()} messages={messages} />, container);
  const loading = everythingSaid();
  await waitFor(() => $('h1') && byId('packUpdates'), 'the page and its knowledge section');
  return loading;
}

/** Types into a field as a reader would, and submits its form once the page has taken the text in. */
async function submit(id: string, value: string) {
  const input = byId<HTMLInputElement>(id)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 10));
  input.closest('form')!.requestSubmit();
}

async function chooseFile(name: string, text: string) {
  const input = byId<HTMLInputElement>('packFile')!;
  Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'application/json' })], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Everything the page says or reads out: its text (hidden or folded away included), and the words in its attributes. */
function everythingSaid(): string[] {
  const said: string[] = [];
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) said.push(node.textContent ?? '');
  for (const element of container.querySelectorAll('*'))
    for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
      const value = element.getAttribute(name);
      if (value) said.push(value);
    }
  return said.map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** Whole words of a text, without the punctuation around them ("pack:keygen" stays one word). */
const words = (text: string) => text.split(/\s+/).map((word) => word.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '').toLowerCase()).filter((word) => /[a-z]/.test(word));

/**
 * Every English word of the options page's messages that its Ukrainian messages do not also write (names such
 * as "Negotiation Lens", "Alt", "base64"): one left in the Ukrainian page is an untranslated string.
 */
const ENGLISH_WORDS = (() => {
  const optionsMessages = (file: Record<string, { message: string }>) => Object.entries(file).filter(([key]) => key.startsWith('options') || ['dismiss', 'unofficialPack', 'settingsWereReset'].includes(key)).map(([, entry]) => entry.message.replace(/\$[A-Z0-9_]+\$/g, ' '));
  const kept = new Set(optionsMessages(ukrainian).flatMap(words));
  return new Set(optionsMessages(english).flatMap(words).filter((word) => !kept.has(word)));
})();

/** The English words in what the page says, once the text that stays as it came is taken out. */
function englishLeft(said: string[]): string[] {
  const text = said.map((line) => KEPT_AS_IS.reduce((rest, kept) => rest.split(kept).join(' '), line));
  return [...new Set(text.flatMap(words).filter((word) => ENGLISH_WORDS.has(word)))];
}

/** Brings out the states that appear only on demand, and collects what the page says in each. */
async function sayEverything(t: Messages): Promise<string[]> {
  await fakeBrowser.storage.sync.set({ ...UNREADABLE, 'site:kyivindependent.com': 'on' });
  const said = await mount(t);
  expect(said.length, 'the loading state').toBeGreaterThan(0);
  await waitFor(() => $('.notice #notice-title'), 'the notice about reset settings');
  await waitFor(() => byId('last-check')?.querySelector('.check-problem'), 'the last check');
  said.push(...everythingSaid());

  byId<HTMLInputElement>('highlightStyle-none')!.click();
  await waitFor(() => $('[role="status"] span'), 'the status line');
  said.push(...everythingSaid());

  await submit('new-site', 'not a site');
  await waitFor(() => byId('new-site-error')?.textContent, 'what was wrong with the site');
  said.push(...everythingSaid());
  await submit('new-site', 'kyivindependent.com');
  await waitFor(() => byId('new-site-error')?.textContent?.includes('kyivindependent.com'), 'the site already listed');
  said.push(...everythingSaid());
  byId<HTMLButtonElement>('site-remove-kyivindependent.com')!.click();
  await waitFor(() => $('.sites .empty'), 'the empty list of sites');
  said.push(...everythingSaid());

  for (const box of container.querySelectorAll<HTMLInputElement>('[id^="parties-"][type="checkbox"]')) {
    box.click();
    // Each click must see the selection the one before it left.
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await waitFor(() => byId('parties-error')?.textContent, 'the refusal to uncheck the last party');
  said.push(...everythingSaid());

  byId<HTMLInputElement>('packUpdates')!.click();
  await waitFor(() => $('.updates .field-error'), 'the refused permission');
  said.push(...everythingSaid());
  await submit('feedUrl', 'ftp://packs.example.org/feed.json');
  await waitFor(() => $('.feed-settings .field-error'), 'what was wrong with the feed address');
  said.push(...everythingSaid());
  await submit('feedUrl', '');
  await submit('feedKey', 'not a key');
  await waitFor(() => $('.feed-settings .field-error')?.textContent?.includes('base64'), 'what was wrong with the key');
  said.push(...everythingSaid());

  await chooseFile('broken.json', '{"broken": true}');
  await waitFor(() => $('.import-problems'), 'the problems of a broken pack');
  said.push(...everythingSaid());

  await chooseFile('negotiations-1.4.0.json', '{}');
  await waitFor(() => $('.import-preview'), 'the preview');
  said.push(...everythingSaid());
  byId<HTMLInputElement>('acceptUnofficial')!.click();
  await waitFor(() => !$<HTMLButtonElement>('.import-preview button.primary')!.disabled, 'the confirmation');
  $<HTMLButtonElement>('.import-preview button.primary')!.click();
  await waitFor(() => $('.import-done'), 'the pack in use');
  said.push(...everythingSaid());
  $<HTMLButtonElement>('.pack-in-use button')!.click();
  await waitFor(() => byId('last-check')?.textContent && !byId('last-check')!.querySelector('.check-problem'), 'the bundled pack, never checked');
  said.push(...everythingSaid());
  return said;
}

describe('the options page in Ukrainian', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
    vi.restoreAllMocks();
  });

  it('leaves no English word of its own, in any state it can show', async () => {
    const said = await sayEverything(UK);
    expect(said.length).toBeGreaterThan(150);
    if (process.env.DUMP) console.log([...new Set(said)].join('\n'));
    expect(englishLeft(said)).toEqual([]);
    // Every line that says something in words says it in Ukrainian, or is text that stays as it came.
    const notUkrainian = said.filter((line) => /\p{L}{2}/u.test(line) && !/[а-яіїєґ]/i.test(line) && !KEPT_AS_IS.some((kept) => line.includes(kept)));
    const names = /^(Negotiation Lens|[a-z0-9.-]+\.[a-z]{2,}|https?:\/\/\S+|\(?\.json(\.sig)?\)?|Alt|Option|base64|pack:keygen|site:\S+|pref:\S+|[\d.]+)$/;
    const parts = (line: string) => line.split(/[\s,;()]+/).map((part) => part.replace(/^[:.]+|[:.]+$/g, ''));
    expect(notUkrainian.filter((line) => !parts(line).every((part) => part === '' || names.test(part)))).toEqual([]);
  });

  it('the same check finds the English page English (so it can fail)', async () => {
    const said = await sayEverything(ENGLISH);
    expect(englishLeft(said).length).toBeGreaterThan(100);
  });

  it('names its headings, controls and settings in Ukrainian, with the language on the page', async () => {
    await mount(UK);
    expect($('main')!.getAttribute('lang')).toBe('uk');
    expect($('h1')!.textContent).toBe('Налаштування Negotiation Lens');
    expect([...container.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Призупинення', 'Де воно працює', 'Позначки на сторінці', 'Картки', 'Знання']);
    expect($('label[for="paused"]')!.textContent).toBe('Призупинити Negotiation Lens на всіх сайтах');
    expect([...container.querySelectorAll('legend')].map((l) => l.textContent)).toEqual([
      'Типово для сайтів, яких немає у вашому списку',
      'Як позначати згадки',
      'Які згадки позначати',
      'Як відкриваються картки',
      'Кольори карток',
      'Напрями, показані в картках і хронології',
      'Сторони, чиї позиції показано в картках',
    ]);
    // Tracks and parties by the popup's names for them.
    expect($('label[for="tracks-ceasefire"]')!.textContent).toBe('Припинення вогню');
    expect($('label[for="parties-us"]')!.textContent).toBe('США');
    expect([...byId('new-site-choice')!.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Увімкнено', 'Вимкнено']);
    expect(byId('feedKey')!.getAttribute('placeholder')).toBe('ключ проєкту');
  });

  it('counts in Ukrainian plural forms: seconds as a fraction, the news sites, what a pack changes', async () => {
    await mount(UK);
    expect(byId('cardTrigger-hover-hint')!.textContent).toContain('затримується на позначці 0,35 секунди');
    const sites = $('.news-sites summary')!.textContent!;
    const n = Number(/\d+/.exec(sites)![0]);
    const form = { one: 'новинний сайт', few: 'новинні сайти', many: 'новинних сайтів', other: 'новинного сайту' }[new Intl.PluralRules('uk').select(n) as 'one'];
    expect(sites).toBe(`Показати ${n} ${form}`);

    await chooseFile('negotiations-1.4.0.json', '{}');
    await waitFor(() => $('.import-preview'), 'the preview');
    expect([...container.querySelectorAll('.diff-group summary')].map((s) => s.textContent)).toEqual(['Додано: 1 подія', 'Змінено: 2 позиції, 5 тем']);
    expect($('.diff-group li .hint')!.textContent).toBe('(подія)');
    await chooseFile('broken.json', '{"broken": true}');
    await waitFor(() => $('.import-problems'), 'the problems');
    expect($('.import-problems p')!.textContent).toBe('Файл broken.json не можна використати: 52 помилки. Нічого не змінено.');
    expect($('.import-problems li:last-child')!.textContent).toBe('…і ще 2.');
  });

  it('writes dates and times the Ukrainian way, and says what the background found around its technical words', async () => {
    await mount(UK);
    await waitFor(() => $('.notice[role="alert"] p'), 'the notice about the unreadable pack');
    const facts = $('[data-testid="active-pack"]')!.textContent!;
    expect(facts).toContain('Станом на8 травня 2025 р.');
    expect(facts).toMatch(/з каналу оновлень; використовується з 9 трав\. 2025 р\., \d{2}:30/);
    expect($('.notice[role="alert"] p')!.textContent).toBe(
      'Не вдалося прочитати пакет знань, що використовувався (версія 1.4.0): its stored text is not JSON. Знову використовується попередній пакет (версія 1.3.0, станом на 8 травня 2025 р.).',
    );
    expect(byId('last-check')!.textContent).toMatch(/^Остання перевірка: 10 трав\. 2025 р\., \d{2}:00\. Оновлення відхилено: the pack's SHA-256 does not match the feed manifest\. Поточний пакет залишено\.$/);
  });

  it('says a failed save in Ukrainian around the storage\'s own words', async () => {
    await mount(UK);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    byId<HTMLInputElement>('paused')!.click();
    await waitFor(() => $('.status-error span'), 'the status line');
    expect($('.status-error span')!.textContent).toBe('Не вдалося зберегти налаштування «Призупинення»: QUOTA_BYTES quota exceeded. Решту ваших налаштувань не змінено.');
  });

  it('says in Ukrainian that the settings cannot be read', async () => {
    const failing = { get: () => Promise.reject(new Error('IO error: storage is gone')), set: async () => {}, remove: async () => {} };
    const storage = { sync: failing, local: failing, onChanged: fakeBrowser.storage.onChanged } as unknown as OptionsStorage;
    render(<OptionsApp storage={storage} messages={UK} />, container);
    await waitFor(() => $('.load-error'), 'the error');
    expect($('h1')!.textContent).toBe('Налаштування Negotiation Lens');
    expect($('.load-error')!.textContent).toBe(
      'Не вдалося прочитати ваші налаштування: IO error: storage is gone Закрийте цю вкладку й відкрийте налаштування знову; якщо це повторюється, перевстановіть розширення: так налаштування буде скинуто.',
    );
  });
});
