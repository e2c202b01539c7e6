/**
 * The popup in Russian, German, French and Polish, each with Chromium speaking it: the page's `lang`, the tabs'
 * names, the plural form a count takes, and nothing running past the popup's width on any tab or in a topic's
 * details. Each view is saved as a screenshot in the test's output, to be read by eye.
 * (Ukrainian has its own spec, popup-ukrainian.spec.ts, which also checks its dates and search.)
 */
import type { Page } from '@playwright/test';
import { expect, openPopup, test, waitForMarks } from './fixtures';

type Forms = Partial<Record<Intl.LDMLPluralRule, string>>;

interface Language {
  language: string;
  /** A page in that language where there is one, else the demo article. */
  page: string;
  tabs: [summary: string, page: string, timeline: string, search: string];
  summaryTitle: string;
  onThisPage: string;
  asOf: RegExp;
  /** "# events" in each plural form, # standing for the number. */
  events: Forms;
  mentions: Forms;
  /** A topic searched for by its name in the language, and its name in the pack. */
  topic: [query: string, name: string];
  /** The title of a position found by its words: its party in the language, its topic as the pack names it. */
  stance: string;
}

const DEMO = '/demo/article.html';

const LANGUAGES: Language[] = [
  {
    language: 'ru',
    page: '/tests/fixtures/pages/russian-story.html',
    tabs: ['Обзор', 'Эта страница', 'Хронология', 'Поиск'],
    summaryTitle: 'Как обстоят дела',
    onThisPage: 'На этой странице',
    asOf: /^По состоянию на \d{1,2} [а-я]+ \d{4}\sг\.$/,
    events: { one: '# событие', few: '# события', many: '# событий', other: '# события' },
    mentions: { one: '# упоминание', few: '# упоминания', many: '# упоминаний', other: '# упоминания' },
    topic: ['санкции', 'Sanctions on Russia'],
    stance: 'США по теме «Sanctions on Russia»',
  },
  {
    language: 'de',
    page: '/tests/fixtures/pages/german-story.html',
    tabs: ['Überblick', 'Diese Seite', 'Chronik', 'Suche'],
    summaryTitle: 'Wo die Verhandlungen stehen',
    onThisPage: 'Auf dieser Seite',
    asOf: /^Stand: \d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ \d{4}$/,
    events: { one: '# Ereignis', other: '# Ereignisse' },
    mentions: { one: '# Erwähnung', other: '# Erwähnungen' },
    topic: ['Sanktionen', 'Sanctions on Russia'],
    stance: 'USA zu „Sanctions on Russia“',
  },
  {
    language: 'fr',
    page: DEMO,
    tabs: ['Synthèse', 'Cette page', 'Chronologie', 'Recherche'],
    summaryTitle: 'État des lieux',
    onThisPage: 'Sur cette page',
    asOf: /^À jour au (1er|\d{1,2}) [a-zéû]+ \d{4}$/,
    events: { one: '# événement', many: '# d’événements', other: '# événements' },
    mentions: { one: '# mention', many: '# de mentions', other: '# mentions' },
    topic: ['cessez-le-feu', 'Ceasefire proposals'],
    stance: 'États-Unis sur «\u202fSanctions on Russia\u202f»',
  },
  {
    language: 'pl',
    page: DEMO,
    tabs: ['Przegląd', 'Ta strona', 'Oś czasu', 'Szukaj'],
    summaryTitle: 'Stan rzeczy',
    onThisPage: 'Na tej stronie',
    asOf: /^Stan na \d{1,2} [a-ząćęłńóśźż]+ \d{4}$/,
    events: { one: '# wydarzenie', few: '# wydarzenia', many: '# wydarzeń', other: '# wydarzenia' },
    mentions: { one: '# wzmianka', few: '# wzmianki', many: '# wzmianek', other: '# wzmianki' },
    topic: ['sankcje', 'Sanctions on Russia'],
    stance: 'USA w sprawie „Sanctions on Russia”',
  },
];

/** `n` counted in the language: its number as the language writes it, and the form its plural rule picks. */
const counted = (language: string, forms: Forms, n: number) => forms[new Intl.PluralRules(language).select(n)]!.replace('#', new Intl.NumberFormat(language).format(n));

/**
 * What runs past the popup's right edge: the page scrolling sideways, or any visible element reaching beyond the
 * viewport, or clipping its own text (a tab or a button too narrow for its words). Empty when all fits.
 */
async function overflow(popup: Page): Promise<string[]> {
  return popup.evaluate(() => {
    const view = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > view) out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${view}`);
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const box = el.getBoundingClientRect();
      // Not drawn, or drawn for screen readers only (a 1 px box that clips on purpose).
      if (box.width <= 1 || getComputedStyle(el).visibility === 'hidden') continue;
      const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
      if (box.right > view + 0.5) out.push(`${name} ends at ${Math.round(box.right)} > ${view}`);
      const clips = ['hidden', 'clip'].includes(getComputedStyle(el).overflowX);
      if (clips && el.tagName !== 'SELECT' && el.scrollWidth > el.clientWidth + 1) out.push(`${name} clips its text: ${el.scrollWidth} > ${el.clientWidth}`);
      // A field's placeholder is cut where the field ends: it must fit inside the padding.
      if (el instanceof HTMLInputElement && el.placeholder) {
        const style = getComputedStyle(el);
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const width = context.measureText(el.placeholder).width;
        if (width > room) out.push(`the placeholder "${el.placeholder}" is cut: ${Math.round(width)} > ${Math.round(room)}`);
      }
    }
    return out;
  });
}

for (const l of LANGUAGES) {
  test.describe(`the popup in ${new Intl.DisplayNames('en', { type: 'language' }).of(l.language)}`, () => {
    test.use({ uiLanguage: l.language });

    test(`speaks ${l.language} when the browser does: tabs, headings and counts, within the popup's width`, async ({ context, serviceWorker, extensionId, origin }) => {
      const page = await context.newPage();
      await page.goto(`${origin}${l.page}`);
      await waitForMarks(page, 3);
      const popup = await openPopup(context, serviceWorker, extensionId, page);
      expect(await popup.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage())).toMatch(new RegExp(`^${l.language}`));
      await expect(popup.locator('html')).toHaveAttribute('lang', l.language);
      const shot = (view: string, fullPage = false) => popup.screenshot({ path: test.info().outputPath(`popup-${l.language}-${view}.png`), fullPage });

      // The four tabs, named in the language, in order.
      await expect(popup.getByRole('tab')).toHaveText(l.tabs);
      const [, pageTab, timelineTab, searchTab] = l.tabs.map((name) => popup.getByRole('tab', { name, exact: true }));

      await expect(popup.getByRole('heading', { name: l.summaryTitle })).toBeVisible();
      await expect(popup.locator('.popup-header .as-of')).toHaveText(l.asOf);
      // A proposal opened: its status badges and its history.
      await popup.locator('.agreements summary').first().click();
      expect(await overflow(popup)).toEqual([]);
      await shot('summary', true);

      await pageTab!.click();
      await expect(popup.getByRole('heading', { name: l.onThisPage })).toBeVisible();
      await expect(popup.locator('button.mention').first()).toBeVisible();
      // Each count's name takes the plural form of its number.
      const counts = await popup.locator('button.mention .count').evaluateAll((els) => els.map((el) => [el.textContent!, el.getAttribute('aria-label')!]));
      expect(counts.length).toBeGreaterThan(0);
      for (const [shown, label] of counts) expect(label).toBe(counted(l.language, l.mentions, Number(shown!.slice(1))));
      expect(await overflow(popup)).toEqual([]);
      await shot('page');

      await timelineTab!.click();
      const count = popup.locator('#panel-timeline p[aria-live]');
      await expect(count).toHaveText(/^\d+ /);
      const n = Number((await count.textContent())!.split(' ')[0]);
      await expect(count).toHaveText(counted(l.language, l.events, n));
      // Narrowed to one track, the count takes that number's form.
      await popup.locator('#panel-timeline select').first().selectOption({ index: 1 });
      await expect(count).not.toHaveText(counted(l.language, l.events, n));
      const narrowed = Number((await count.textContent())!.split(' ')[0]);
      await expect(count).toHaveText(counted(l.language, l.events, narrowed));
      await expect(popup.locator('.month-heading').first()).toHaveText(/^\p{Lu}/u);
      expect(await overflow(popup)).toEqual([]);
      await shot('timeline');

      await searchTab!.click();
      const search = popup.getByRole('searchbox');
      // A position has no name: it is found by its words (in English, as the pack writes them), and titled in the language.
      await search.fill('licence for Russian oil already at sea');
      await expect(popup.getByRole('option').filter({ hasText: l.stance }).first()).toBeVisible();
      await search.fill(l.topic[0]);
      await expect(popup.getByRole('option').first()).toContainText(l.topic[1]);
      expect(await overflow(popup)).toEqual([]);
      await shot('search');
      await search.press('Enter');
      await expect(popup.locator('#detail-title')).toHaveText(l.topic[1]);
      await popup.locator('details.all-stances > summary').click();
      expect(await overflow(popup)).toEqual([]);
      await shot('detail', true);
    });
  });
}
