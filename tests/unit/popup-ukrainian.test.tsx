/**
 * The popup with Ukrainian messages: its own words are Ukrainian (tabs, headings, counts, dates), the pack's text
 * stays as the pack writes it. The English popup is tested in popup-app.test.tsx, with the English default.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ukrainian from '../../public/_locales/uk/messages.json';
import { dateFormatter } from '../../src/cards/dates';
import { entityIds } from '../../src/knowledge/alias-table-from-pack';
import { indexPack } from '../../src/knowledge/pack-index';
import type { PageReport } from '../../src/messaging/protocol';
import { PopupApp, type PopupDeps } from '../../src/popup/PopupApp';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { createMessages, fileSource } from '../../src/i18n/messages';
import { bundledPack } from '../helpers/packs';
import { waitFor } from '../helpers/wait';

const pack = bundledPack();
const index = indexPack(pack);
const ids = entityIds(pack);
const messages = createMessages(fileSource(ukrainian, 'uk-UA'));

function deps(report: PageReport | null): PopupDeps {
  return {
    pack,
    index,
    entityIds: ids,
    getPageReport: async () => report,
    revealOnPage: async () => true,
    readSettings: async () => ({ settings: { ...DEFAULT_SETTINGS }, problems: [] }),
    setSite: async () => {},
    setPaused: async () => {},
    onSettingsChanged: () => () => {},
    takeFocusRequest: async () => null,
    loadSeenEvents: async () => null,
    saveSeenEvents: async () => {},
    openOptions: () => {},
    showDate: dateFormatter(messages.dateLocale),
    messages,
    packInfo: { id: pack.meta.id, title: pack.meta.title, version: pack.meta.version, asOf: pack.meta.asOf, origin: 'bundled', official: true },
    changes: null,
    staleNotice: null,
    loadChangesSeen: async () => null,
    saveChangesSeen: async () => {},
    openKnowledgeSettings: () => {},
    reportProblem: () => {},
    getShortcuts: async () => [{ name: 'next-mention', shortcut: 'Alt+Period' }, { name: 'previous-mention', shortcut: 'Alt+Comma' }],
    shortcutSettings: { place: 'chrome://extensions/shortcuts', open: () => {} },
  };
}

let container: HTMLElement;
const $ = <T extends Element = HTMLElement>(selector: string) => container.querySelector<T>(selector);
const tabs = () => [...container.querySelectorAll<HTMLButtonElement>('[role="tab"]')];

async function mount(report: PageReport | null = null) {
  render(<PopupApp deps={deps(report)} />, container);
  await waitFor(() => $('[data-ready]'), 'the popup');
  await waitFor(() => $('.controls input') && !container.textContent?.includes('Перевіряємо'), 'the settings');
}

describe('the popup in Ukrainian', () => {
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
  });

  it('names its tabs, headings and date in Ukrainian', async () => {
    await mount();
    expect(tabs().map((t) => t.textContent)).toEqual(['Огляд', 'Ця сторінка', 'Хронологія', 'Пошук']);
    expect($('[role="tablist"]')!.getAttribute('aria-label')).toBe('Розділи');
    expect($('#summary-title')!.textContent).toBe('Як стоять справи');
    expect($('.popup')!.getAttribute('lang')).toBe('uk');
    expect($('.popup-header .as-of')!.textContent).toMatch(/^Станом на \d{1,2} [а-яіїє]+ \d{4} р\.$/);
    expect([...container.querySelectorAll('.track h3')].map((h) => h.textContent)).toContain('Припинення вогню');
  });

  it('"This page": the count of mentions in the right plural form, the shortcut line in Ukrainian', async () => {
    const zelensky = ids.indexOf('zelensky');
    const putin = ids.indexOf('putin');
    await mount({ state: 'on', site: 'example.org', mentions: [{ entity: zelensky, count: 2 }, { entity: putin, count: 5 }] } as PageReport);
    tabs()[1]!.click();
    await waitFor(() => $('button.mention'), 'the mentions');
    const labels = [...container.querySelectorAll('button.mention .count')].map((c) => c.getAttribute('aria-label'));
    expect(labels).toEqual(['2 згадки', '5 згадок']);
    expect($('[data-details-for]')!.textContent).toBe('Докладніше');
    await waitFor(() => $('[data-testid="shortcuts"]'), 'the shortcut line');
    expect($('[data-testid="shortcuts"]')!.textContent!.replace(/\s+/g, ' ')).toBe(
      'Клавіші: Alt+. — наступна згадка, Alt+, — попередня згадка. Змінити їх можна тут: chrome://extensions/shortcuts.',
    );
  });

  it('says why a page in a language it does not read is left unmarked, naming the languages', async () => {
    await mount({ state: 'not-relevant', site: 'example.es', language: { declared: 'es', text: '' } });
    tabs()[1]!.click();
    const text = await waitFor(() => $('[data-page-language]')?.textContent, 'the explanation');
    expect(text).toBe('Ця сторінка написана мовою, якої Negotiation Lens ще не читає. Negotiation Lens поки що читає сторінки англійською, українською, російською, німецькою, французькою та польською мовами.');
  });
});
