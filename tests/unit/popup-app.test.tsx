/**
 * The popup's own behaviour with fake dependencies: what it keeps when the user moves between its views, where
 * keyboard focus goes, and what it says when a view is empty.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCardModel } from '../../src/cards/card-model';
import { entityIds } from '../../src/knowledge/alias-table-from-pack';
import { indexPack } from '../../src/knowledge/pack-index';
import { PARTY_IDS, TRACK_IDS } from '../../src/knowledge/schema';
import type { PageReport } from '../../src/messaging/protocol';
import { PopupApp, type PopupDeps } from '../../src/popup/PopupApp';
import { DEFAULT_TIMELINE_FILTER, filterTimeline, groupByMonth } from '../../src/popup/timeline';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import { Card } from '../../src/overlay/Card';
import { hoverCardBody } from '../../src/ui/CardBody';
import { dateFormatter } from '../../src/cards/dates';
import { bundledPack } from '../helpers/packs';
import { waitFor } from '../helpers/wait';
import { cardFrameWords } from '../../src/cards/card-words';
import { ENGLISH } from '../../src/i18n/messages';

const pack = bundledPack();
const index = indexPack(pack);
const ids = entityIds(pack);

let container: HTMLElement;

function deps(report: PageReport | null = null, focusRequest: string | null = null, extra: Partial<PopupDeps> = {}): PopupDeps {
  const settings: Settings = { ...DEFAULT_SETTINGS, tracks: [...DEFAULT_SETTINGS.tracks], parties: [...DEFAULT_SETTINGS.parties] };
  return {
    pack,
    index,
    entityIds: ids,
    getPageReport: async () => report,
    revealOnPage: async () => true,
    readSettings: async () => ({ settings, problems: [] }),
    setSite: async () => {},
    setPaused: async () => {},
    onSettingsChanged: () => () => {},
    takeFocusRequest: async () => focusRequest,
    loadSeenEvents: async () => null,
    saveSeenEvents: async () => {},
    openOptions: () => {},
    // Pinned, so that what the tests read does not depend on the machine's language.
    showDate: dateFormatter('en-GB'),
    packInfo: { id: pack.meta.id, title: pack.meta.title, version: pack.meta.version, asOf: pack.meta.asOf, origin: 'bundled', official: true },
    changes: null,
    staleNotice: null,
    loadChangesSeen: async () => null,
    saveChangesSeen: async () => {},
    openKnowledgeSettings: () => {},
    reportProblem: () => {},
    getShortcuts: async () => null,
    shortcutSettings: { place: 'chrome://extensions/shortcuts', open: () => {} },
    ...extra,
  };
}

const $ = <T extends Element = HTMLElement>(selector: string) => container.querySelector<T>(selector);
const tab = (name: string) => [...container.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((b) => b.textContent === name)!;
const button = (name: string) => [...container.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === name);
const options = () => [...container.querySelectorAll('[role="option"]')];

function type(input: HTMLInputElement, text: string) {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
const press = (el: Element, key: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

async function mount(report: PageReport | null = null, focusRequest: string | null = null, extra: Partial<PopupDeps> = {}) {
  render(<PopupApp deps={deps(report, focusRequest, extra)} />, container);
  await waitFor(() => $('[data-ready]'), 'the popup');
  // The settings arrive asynchronously; the timeline's party list depends on them.
  await waitFor(() => $('.controls input') && !container.textContent?.includes('Checking this page'), 'the settings');
}

async function goBack() {
  const back = await waitFor(() => button('← Back'), 'the Back button');
  back.click();
  await waitFor(() => !$('.detail'), 'the detail view to close');
  // Focus moves in an effect after the render: until then it is on the page's body, where the removed button left it.
  await waitFor(() => container.contains(document.activeElement), 'focus to come back into the popup');
}

describe('PopupApp', () => {
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
  });

  it('keeps the query, the results and the chosen result after Back, and focus returns to the search box', async () => {
    await mount();
    tab('Search').click();
    const input = await waitFor(() => $<HTMLInputElement>('#search-input'), 'the search box');
    type(input, 'zelenksy');
    await waitFor(() => options().length > 1, 'results');
    const results = options().map((o) => o.textContent);
    press(input, 'ArrowDown');
    await waitFor(() => options()[1]?.getAttribute('aria-selected') === 'true', 'the second result');
    press(input, 'Enter');
    await waitFor(() => $('#detail-title'), 'the detail view');

    await goBack();
    const again = $<HTMLInputElement>('#search-input')!;
    expect(again.value).toBe('zelenksy');
    expect(options().map((o) => o.textContent)).toEqual(results);
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true');
    expect(again.getAttribute('aria-activedescendant')).toBe(options()[1]!.id);
    expect(document.activeElement).toBe(again);
  });

  describe('search', () => {
    const selected = () => options().findIndex((o) => o.getAttribute('aria-selected') === 'true');
    const title = (option: Element) => option.querySelector('.result-title')!.textContent;
    async function search(query: string, atLeast = 4) {
      await mount();
      tab('Search').click();
      const input = await waitFor(() => $<HTMLInputElement>('#search-input'), 'the search box');
      type(input, query);
      await waitFor(() => options().length >= atLeast, 'results');
      return input;
    }
    /** What the browser sends to the option under a pointer at rest when the results change beneath it. */
    const pointerAtRest = (option: Element) => {
      option.dispatchEvent(new MouseEvent('mouseenter', { clientX: 50, clientY: 300 }));
      option.dispatchEvent(new MouseEvent('mouseover', { clientX: 50, clientY: 300, bubbles: true }));
      option.dispatchEvent(new MouseEvent('mousemove', { clientX: 50, clientY: 300, bubbles: true }));
    };

    it('Enter opens the highlighted result: the second after one ArrowDown', async () => {
      const input = await search('zelenksy');
      expect(selected()).toBe(0);
      press(input, 'ArrowDown');
      await waitFor(() => selected() === 1, 'the second result');
      expect(input.getAttribute('aria-activedescendant')).toBe(options()[1]!.id);
      const second = title(options()[1]!);
      press(input, 'Enter');
      await waitFor(() => $('#detail-title'), 'the detail view');
      expect($('#detail-title')!.textContent).toBe(second);
    });

    it('a pointer at rest over the results does not take the highlight; a pointer that moves does', async () => {
      const input = await search('putin');
      pointerAtRest(options()[2]!);
      press(input, 'ArrowDown');
      await waitFor(() => selected() !== 0, 'the highlight to move');
      expect(selected()).toBe(1);

      options()[3]!.dispatchEvent(new MouseEvent('mousemove', { clientX: 50, clientY: 340, movementY: 40, bubbles: true }));
      await waitFor(() => selected() === 3, 'the result under the moving pointer');
      const fourth = title(options()[3]!);
      press(input, 'Enter');
      await waitFor(() => $('#detail-title'), 'the detail view');
      expect($('#detail-title')!.textContent).toBe(fourth);
    });

    it('shows 8 results, then "Show more" shows the rest, keeps the list semantics and returns focus to the box', async () => {
      const input = await search('talks');
      expect(options()).toHaveLength(8);
      // The arrow keys stop at the last result shown.
      for (let i = 0; i < 10; i++) press(input, 'ArrowDown');
      await waitFor(() => selected() === 7, 'the eighth result');
      const more = button('Show more (17)');
      expect(more).toBeDefined();
      expect(more!.closest('[role="listbox"]')).toBeNull();
      more!.click();
      await waitFor(() => options().length === 25, 'every result');
      expect($('[role="listbox"]')!.querySelectorAll(':scope > [role="option"]')).toHaveLength(25);
      expect(button('Show more (17)')).toBeUndefined();
      // The first result it revealed is highlighted, and the search box has focus for the arrow keys and Enter.
      expect(document.activeElement).toBe(input);
      expect(selected()).toBe(8);
      expect(input.getAttribute('aria-activedescendant')).toBe(options()[8]!.id);
      press(input, 'ArrowDown');
      await waitFor(() => selected() === 9, 'the tenth result');
      const tenth = title(options()[9]!);
      press(input, 'Enter');
      await waitFor(() => $('#detail-title')?.textContent === tenth, 'the tenth result open');

      // Back finds every result still shown; a new query starts again at 8.
      await goBack();
      expect(options()).toHaveLength(25);
      expect(selected()).toBe(9);
      type($<HTMLInputElement>('#search-input')!, 'talk');
      await waitFor(() => options().length === 8, 'eight results');
      expect(selected()).toBe(0);
    });

    it('offers no "Show more" when 8 results or fewer match', async () => {
      await search('ciragan', 1);
      expect(options().length).toBeLessThan(8);
      expect([...container.querySelectorAll('button')].filter((b) => b.textContent?.startsWith('Show more'))).toEqual([]);
    });
  });

  it('returns focus to the "Details" button that opened the detail view from "This page"', async () => {
    const mention = (id: string) => ({ entity: ids.indexOf(id), count: 2 });
    await mount({ state: 'on', site: 'example.com', mentions: [mention('zelensky'), mention('putin'), mention('minerals-deal')] });
    tab('This page').click();
    const details = await waitFor(() => $<HTMLButtonElement>('button[aria-label="Details about Vladimir Putin"]'), 'the list');
    details.click();
    await waitFor(() => $('#detail-title')?.textContent?.includes('Putin'), 'the detail view');

    await goBack();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Details about Vladimir Putin');
  });

  describe('"This page" on a page with nothing relevant', () => {
    const NOT_ABOUT = 'This page does not seem to be about the negotiations, so nothing is marked on it.';
    const UKRAINIAN_TEXT =
      'Делегації провели переговори в Стамбулі і домовилися про нову зустріч. Сторони обмінялися полоненими та ' +
      'пообіцяли передати списки дітей, яких вивезли з окупованих територій. Наступна зустріч може відбутися вже в червні.';
    const ALL = 'Negotiation Lens reads English, Ukrainian, Russian, German, French and Polish pages for now.';
    it.each([
      // The bundled pack names things in all six languages: a page in any of them that is not about the talks says so.
      ['declared uk-UA', 'uk-UA', '', NOT_ABOUT],
      ['declared ru', 'ru', '', NOT_ABOUT],
      ['declared de', 'de', '', NOT_ABOUT],
      ['declared fr-CA', 'fr-CA', '', NOT_ABOUT],
      ['declared pl', 'pl', '', NOT_ABOUT],
      ['declared es', 'es', '', `This page is in a language Negotiation Lens does not read yet. ${ALL}`],
      ['declared en-US', 'en-US', '', NOT_ABOUT],
      ['no declaration, no text', null, '', NOT_ABOUT],
    ])('%s: says why nothing is marked', async (_, declared, text, message) => {
      await mount({ state: 'not-relevant', site: 'example.com', language: { declared, text } });
      tab('This page').click();
      const said = await waitFor(() => $('[role="tabpanel"] p.empty'), 'the message');
      expect(said.textContent).toBe(message);
    });

    // A pack that names things in English only (an older pack, or one from elsewhere) reads English pages only.
    const english = structuredClone(pack);
    for (const item of [...english.actors, ...english.topics, ...english.events]) item.aliases = item.aliases.filter((alias) => (alias.lang ?? 'en') === 'en');
    it.each([
      ['declared uk-UA', 'uk-UA', '', 'This page is in Ukrainian; Negotiation Lens reads English pages for now.'],
      ['declared pl', 'pl', '', 'This page is in Polish; Negotiation Lens reads English pages for now.'],
      // The template says English; the article is Ukrainian.
      ['declared en, Ukrainian text', 'en', UKRAINIAN_TEXT, 'This page is in Ukrainian; Negotiation Lens reads English pages for now.'],
      ['declared en-US', 'en-US', '', NOT_ABOUT],
    ])('with an English-only pack, %s: says why nothing is marked', async (_, declared, text, message) => {
      await mount({ state: 'not-relevant', site: 'example.com', language: { declared, text } }, null, { index: indexPack(english) });
      tab('This page').click();
      const said = await waitFor(() => $('[role="tabpanel"] p.empty'), 'the message');
      expect(said.textContent).toBe(message);
    });
  });

  it('after an item a card asked to open, Back puts focus on the current tab', async () => {
    await mount(null, 'putin');
    await waitFor(() => $('#detail-title')?.textContent?.includes('Putin'), 'the detail view');
    await goBack();
    expect(document.activeElement).toBe(tab('Summary'));
  });

  it('shows dates in words, each in a <time> that keeps the day: the "as of" date, the summary and the timeline', async () => {
    await mount();
    const asOf = $('.popup-header .as-of time')!;
    expect(asOf.getAttribute('datetime')).toBe(pack.meta.asOf);
    expect(asOf.textContent).toBe(dateFormatter('en-GB')(pack.meta.asOf).text);
    expect(asOf.textContent).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    const minerals = [...container.querySelectorAll('.track')].find((t) => t.querySelector('h3')?.textContent === 'Minerals deal')!;
    const trackDay = pack.tracks.find((t) => t.id === 'minerals')!.date;
    expect(minerals.querySelector('.meta time')?.getAttribute('datetime')).toBe(trackDay);
    expect(minerals.querySelector('.meta time')?.textContent).toBe(dateFormatter('en-GB')(trackDay).text);

    tab('Timeline').click();
    const munich = await waitFor(() => $('[data-event-id="munich-security-conference-2025"] time'), 'the timeline');
    expect(munich.getAttribute('datetime')).toBe('2025-02-14');
    expect(munich.textContent?.replace(/[\u2009\u202f\u00a0]/g, ' ')).toBe('14 – 15 February 2025');
    for (const time of container.querySelectorAll('.timeline .event time')) {
      expect(time.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(time.textContent).not.toMatch(/\d{4}-\d{2}/);
    }
  });

  it('keeps the timeline filters when the user switches tabs', async () => {
    await mount();
    tab('Timeline').click();
    choose(await waitFor(() => $<HTMLSelectElement>('#panel-timeline select'), 'the filters'), 'minerals');
    const minerals = filterTimeline(index, { track: 'minerals', party: 'all', text: '', order: 'newest' }).length;
    await waitFor(() => container.querySelectorAll('.timeline .event').length === minerals, 'the events of one track');
    const party = container.querySelectorAll<HTMLSelectElement>('#panel-timeline select')[1]!;
    choose(party, 'ukraine');
    const shown = filterTimeline(index, { track: 'minerals', party: 'ukraine', text: '', order: 'newest' }).length;
    await waitFor(() => container.querySelectorAll('.timeline .event').length === shown, 'the filtered list');

    tab('Search').click();
    await waitFor(() => $('#search-input'), 'the search tab');
    tab('Timeline').click();
    const [track2, party2] = await waitFor(() => {
      const selects = container.querySelectorAll<HTMLSelectElement>('#panel-timeline select');
      return selects.length === 2 ? selects : null;
    }, 'the timeline');
    expect(track2!.value).toBe('minerals');
    expect(party2!.value).toBe('ukraine');
    expect(container.querySelectorAll('.timeline .event').length).toBe(shown);
  });

  it('says when no event matches the filters, and offers to reset them', async () => {
    const empty = TRACK_IDS.flatMap((track) => PARTY_IDS.map((party) => ({ track, party }))).find(
      (f) => filterTimeline(index, { ...f, text: '', order: 'newest' }).length === 0,
    );
    expect(empty, 'a track and party with no events in the bundled pack').toBeDefined();
    await mount();
    tab('Timeline').click();
    const [track, party] = await waitFor(() => {
      const selects = container.querySelectorAll<HTMLSelectElement>('#panel-timeline select');
      return selects.length === 2 ? selects : null;
    }, 'the filters');
    choose(track!, empty!.track);
    const ofTrack = filterTimeline(index, { track: empty!.track, party: 'all', text: '', order: 'newest' }).length;
    await waitFor(() => container.querySelectorAll('.timeline .event').length === ofTrack, 'the events of one track');
    choose(party!, empty!.party);
    await waitFor(() => container.querySelectorAll('.timeline .event').length === 0, 'an empty list');
    expect(container.textContent).toContain('No events match these filters.');

    const reset = button('Clear filters');
    expect(reset).toBeDefined();
    reset!.click();
    await waitFor(() => container.querySelectorAll('.timeline .event').length === pack.events.length, 'every event');
    expect(container.textContent).not.toContain('No events match these filters.');
    // The button is gone, so focus goes to the first filter rather than getting lost.
    await waitFor(() => container.contains(document.activeElement), 'focus to come back into the popup');
    expect(document.activeElement).toBe(container.querySelector('#panel-timeline .filters input'));
  });

  describe('timeline', () => {
    const events = () => [...container.querySelectorAll('.timeline .event')].map((li) => li.getAttribute('data-event-id'));
    const textFilter = () => $<HTMLInputElement>('#panel-timeline .filters input')!;
    async function openTimeline() {
      await mount();
      tab('Timeline').click();
      await waitFor(() => events().length === pack.events.length, 'every event');
    }

    it('puts the events under a heading for each month, newest first, each heading a <time> of its month', async () => {
      await openTimeline();
      const groups = groupByMonth(filterTimeline(index, DEFAULT_TIMELINE_FILTER));
      const headings = [...container.querySelectorAll('.timeline .month-heading')];
      expect(headings.map((h) => h.textContent)).toEqual(groups.map((g) => dateFormatter('en-GB')(g.month).text));
      expect(headings.map((h) => h.querySelector('time')?.getAttribute('datetime'))).toEqual(groups.map((g) => g.month));
      expect(headings[0]!.tagName).toBe('H3');
      const february = [...container.querySelectorAll('.timeline .month')].find((m) => m.querySelector('.month-heading')?.textContent === 'February 2025')!;
      expect(february.querySelector('[data-event-id="munich-security-conference-2025"]')).not.toBeNull();
      // Each event sits under the month it starts in.
      for (const month of container.querySelectorAll('.timeline .month')) {
        const datetime = month.querySelector('.month-heading time')!.getAttribute('datetime')!;
        for (const time of month.querySelectorAll('.event summary time')) expect(time.getAttribute('datetime')!.startsWith(datetime)).toBe(true);
      }
    });

    it('filters by words of the name or summary, accents and case aside, beside the track and party filters', async () => {
      await openTimeline();
      const input = textFilter();
      expect(input.closest('label')?.textContent).toContain('Filter');
      expect(input.closest('.filters')?.querySelectorAll('select')).toHaveLength(2);
      type(input, 'RIYÁDH');
      const riyadh = filterTimeline(index, { ...DEFAULT_TIMELINE_FILTER, text: 'riyadh' }).map((e) => e.id);
      expect(riyadh.length).toBeGreaterThan(0);
      expect(riyadh.length).toBeLessThan(pack.events.length);
      await waitFor(() => events().length === riyadh.length, 'the events about Riyadh');
      expect(events()).toEqual(riyadh);
      expect($('#panel-timeline .meta')?.textContent).toBe(`${riyadh.length} event${riyadh.length === 1 ? '' : 's'}`);

      // The text stays when the reader goes to another tab and back.
      tab('Search').click();
      await waitFor(() => $('#search-input'), 'the search tab');
      tab('Timeline').click();
      await waitFor(() => textFilter()?.value === 'RIYÁDH', 'the filter text');
      expect(events()).toEqual(riyadh);

      // Nothing matches: the empty state, and Clear filters clears the text too.
      type(textFilter(), 'riyadh qqqq');
      await waitFor(() => events().length === 0, 'an empty list');
      expect(container.textContent).toContain('No events match these filters.');
      button('Clear filters')!.click();
      await waitFor(() => events().length === pack.events.length, 'every event');
      expect(textFilter().value).toBe('');
      await waitFor(() => document.activeElement === textFilter(), 'focus on the first filter');
    });

    it('comes back where the reader left it, after another tab and after a detail', async () => {
      const root = document.documentElement;
      const scrolled = (top: number) => {
        root.scrollTop = top;
        window.dispatchEvent(new Event('scroll'));
      };
      try {
        await openTimeline();
        scrolled(1234);
        tab('Search').click();
        await waitFor(() => $('#search-input'), 'the search tab');
        // Another tab opens at its top.
        expect(root.scrollTop).toBe(0);
        tab('Timeline').click();
        await waitFor(() => events().length > 0, 'the timeline');
        expect(root.scrollTop).toBe(1234);

        scrolled(777);
        tab('Search').click();
        type(await waitFor(() => $<HTMLInputElement>('#search-input'), 'the search box'), 'putin');
        await waitFor(() => options().length > 0, 'results');
        (options()[0] as HTMLElement).click();
        await waitFor(() => $('#detail-title'), 'the detail view');
        await goBack();
        tab('Timeline').click();
        await waitFor(() => events().length > 0, 'the timeline');
        expect(root.scrollTop).toBe(777);
      } finally {
        root.scrollTop = 0;
      }
    });

    it('opens on the event "What\'s new" points to, not where the reader last left the timeline', async () => {
      const event = pack.events[5]!;
      const changes = {
        at: '2026-12-02T10:00:00.000Z',
        from: { version: '1.0.0', asOf: '2026-01-06' },
        to: { version: pack.meta.version, asOf: pack.meta.asOf },
        items: [{ section: 'events' as const, id: event.id, label: event.name, date: '2026-04-01', change: 'added' as const }],
      };
      const shown: string[] = [];
      const scrollIntoView = Element.prototype.scrollIntoView;
      Element.prototype.scrollIntoView = function (this: Element) {
        shown.push(this.getAttribute('data-event-id') ?? '');
      };
      try {
        await mount(null, null, { changes });
        tab('Timeline').click();
        await waitFor(() => events().length > 0, 'the timeline');
        document.documentElement.scrollTop = 900;
        window.dispatchEvent(new Event('scroll'));
        tab('Summary').click();
        (await waitFor(() => button(event.name), 'What\'s new')).click();
        await waitFor(() => shown.includes(event.id), 'the event scrolled into view');
        expect($<HTMLDetailsElement>(`[data-event-id="${event.id}"] details`)!.open).toBe(true);
      } finally {
        Element.prototype.scrollIntoView = scrollIntoView;
        document.documentElement.scrollTop = 0;
      }
    });
  });

  it('in a topic, the earlier positions are "below" and a button opens them there; the hover card\'s button opens the popup at the topic', async () => {
    await mount();
    tab('Search').click();
    type(await waitFor(() => $<HTMLInputElement>('#search-input'), 'the search box'), 'minerals deal');
    const topic = await waitFor(() => options().find((o) => o.textContent?.startsWith('Topic') && o.textContent.includes('Minerals deal')), 'the topic');
    (topic as HTMLElement).click();
    await waitFor(() => $('.stances'), 'the stance table');
    const earlier = (root: Element) => [...root.querySelectorAll('.stances .meta')].map((p) => p.textContent ?? '').filter((t) => /earlier position/.test(t));
    const notes = earlier(container);
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(note).toMatch(/^\d+ earlier positions? below$/);

    const all = $<HTMLDetailsElement>('.all-stances')!;
    expect(all.querySelector('summary')?.textContent).toMatch(/^All \d+ positions on this topic$/);
    expect(all.open).toBe(false);
    button(notes[0]!)!.click();
    expect(all.open).toBe(true);
    expect(document.activeElement).toBe(all.querySelector('summary'));

    // The hover card, outside the popup, has the same buttons: each opens the popup at the topic.
    const card = document.createElement('div');
    const opened: string[] = [];
    const none = () => undefined;
    const model = buildCardModel(index, 'minerals-deal')!;
    render(
      <Card
        content={{ state: 'ready', model, body: hoverCardBody(model) }}
        words={cardFrameWords(ENGLISH)}
        position={null}
        pinned={false}
        expanded={false}
        theme=""
        onMore={none}
        onPin={none}
        onClose={none}
        onOpenInPopup={(id) => opened.push(id)}
        onPointerInside={none}
        onOpenSettings={none}
        onReport={none}
        onTabBack={none}
      />,
      card,
    );
    const cardNotes = earlier(card);
    expect(cardNotes.length).toBe(notes.length);
    for (const note of cardNotes) expect(note).toMatch(/^\d+ earlier positions? in the popup$/);
    const buttons = [...card.querySelectorAll<HTMLButtonElement>('.stances button')];
    expect(buttons.map((b) => b.textContent)).toEqual(cardNotes);
    buttons[0]!.click();
    expect(opened).toEqual(['minerals-deal']);
  });

  describe('after the knowledge changed', () => {
    const event = pack.events.at(-1)!;
    const stance = pack.stances.at(-1)!;
    const changes = {
      at: '2026-12-02T10:00:00.000Z',
      from: { version: '1.0.0', asOf: '2026-01-06' },
      to: { version: pack.meta.version, asOf: pack.meta.asOf },
      items: [
        { section: 'events' as const, id: event.id, label: event.name, date: '2026-04-01', change: 'added' as const },
        { section: 'stances' as const, id: stance.id, label: stance.position, date: '2026-03-01', change: 'changed' as const },
      ],
    };

    it('lists what is new once, newest first; an event opens in the timeline, a position opens its topic', async () => {
      const saved: string[] = [];
      await mount(null, null, { changes, saveChangesSeen: async (at) => void saved.push(at) });
      const section = await waitFor(() => $('.whats-new'), 'What\'s new');
      expect(section.querySelector('h2')?.textContent).toBe("What's new since you last looked");
      const items = [...section.querySelectorAll('li')].map((li) => li.textContent);
      expect(items[0]).toContain(event.name);
      expect(items[0]).toContain('new event');
      expect(items[1]).toContain('changed position');
      expect(saved).toEqual([changes.at]);
      button(stance.position)!.click();
      await waitFor(() => $('#detail-title'), 'the topic detail');
      expect($('#detail-title')!.textContent).toBe(index.entity(stance.topic)!.item.name);
      await goBack();
      button(event.name)!.click();
      await waitFor(() => tab('Timeline').getAttribute('aria-selected') === 'true', 'the timeline');
    });

    it('does not list changes the reader has already seen', async () => {
      let answered = false;
      await mount(null, null, { changes, loadChangesSeen: async () => ((answered = true), changes.at) });
      await waitFor(() => answered, 'the seen record');
      // One more turn of the render queue: a list that were going to show would be in the DOM by then.
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect($('.whats-new')).toBeNull();
    });
  });

  it('shows the answers of the latest read when an older read of the settings resolves after it', async () => {
    const pending: Array<(paused: boolean) => void> = [];
    let changed: () => void = () => {};
    let first = true;
    await mount({ state: 'on', site: 'example.com', mentions: [] }, null, {
      readSettings: () => {
        if (first) {
          first = false;
          return Promise.resolve({ settings: DEFAULT_SETTINGS, problems: [] });
        }
        return new Promise((resolve) => pending.push((paused) => resolve({ settings: { ...DEFAULT_SETTINGS, paused }, problems: [] })));
      },
      onSettingsChanged: (callback) => ((changed = callback), () => {}),
    });
    const pause = () => [...container.querySelectorAll<HTMLInputElement>('.controls input')].at(-1)!;
    expect(pause().checked).toBe(false);
    // Paused elsewhere, then resumed: two reads on their way; the first one, older, answers last.
    changed();
    await waitFor(() => pending.length === 1, 'the first read');
    changed();
    await waitFor(() => pending.length === 2, 'the second read');
    pending[1]!(false);
    pending[0]!(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await waitFor(() => !container.textContent?.includes('Checking this page'), 'the answers');
    expect(pause().checked).toBe(false);
  });

  it('keeps the reader\'s click when a read started before it answers afterwards', async () => {
    const pending: Array<() => void> = [];
    let changed: () => void = () => {};
    let first = true;
    const paused: boolean[] = [];
    await mount({ state: 'on', site: 'example.com', mentions: [] }, null, {
      readSettings: () => {
        if (first) {
          first = false;
          return Promise.resolve({ settings: DEFAULT_SETTINGS, problems: [] });
        }
        // Answers with what is stored when it started: not paused.
        return new Promise((resolve) => pending.push(() => resolve({ settings: DEFAULT_SETTINGS, problems: [] })));
      },
      setPaused: async (value) => void paused.push(value),
      onSettingsChanged: (callback) => ((changed = callback), () => {}),
    });
    const pause = () => [...container.querySelectorAll<HTMLInputElement>('.controls input')].at(-1)!;
    changed();
    await waitFor(() => pending.length === 1, 'a read on its way');
    pause().click();
    await waitFor(() => paused.length === 1, 'the pause to be stored');
    expect(pause().checked).toBe(true);
    pending[0]!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pause().checked).toBe(true);
  });

  it('asks the page again after the reader switches the site off, until the page shows it is off', async () => {
    // A busy page applies the change late: its first two answers after the switch still say "on".
    let stored: 'on' | 'off' = 'on';
    let lateAnswers = 2;
    let asked = 0;
    const on: PageReport = { state: 'on', site: 'example.com', mentions: [] };
    const off: PageReport = { state: 'off', site: 'example.com', reason: 'site-choice' };
    await mount(on, null, {
      getPageReport: async () => {
        asked++;
        if (stored === 'on') return on;
        return lateAnswers-- > 0 ? on : off;
      },
      setSite: async (_site, value) => void (stored = value ? 'on' : 'off'),
    });
    const siteSwitch = () => container.querySelector<HTMLInputElement>('.controls input')!;
    expect(siteSwitch().checked).toBe(true);
    const before = asked;
    siteSwitch().click();
    tab('This page').click();
    await waitFor(() => container.textContent?.includes('is off on') || null, '"This page" to say the site is off', 5000);
    expect(asked - before).toBe(3);
    expect(siteSwitch().checked).toBe(false);
  });

  it('says plainly when the knowledge is old, with a way to the update settings', async () => {
    let opened = 0;
    await mount(null, null, { staleNotice: 'This knowledge is as of 6 January 2026; later developments are not included.', openKnowledgeSettings: () => void opened++ });
    expect($('[data-testid="stale-notice"]')!.textContent).toContain('later developments are not included');
    button('Update settings')!.click();
    expect(opened).toBe(1);
  });

  it('labels an unofficial pack next to its date', async () => {
    await mount(null, null, { packInfo: { id: 'x', title: 'x', version: '9.0.0', asOf: pack.meta.asOf, origin: 'import', official: false } });
    expect($('.as-of')!.textContent).toContain('unofficial pack');
  });

  it('reports a problem with the item shown in detail', async () => {
    const reported: string[] = [];
    await mount(null, 'minerals-deal', { reportProblem: (id) => void reported.push(id) });
    (await waitFor(() => button('Report a problem'), 'the report button')).click();
    expect(reported).toEqual(['minerals-deal']);
  });
});

