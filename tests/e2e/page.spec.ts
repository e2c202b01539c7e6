import AxeBuilder from '@axe-core/playwright';
import {
  cardText,
  expect,
  markCount,
  markedTexts,
  markPoint,
  marksInside,
  nextFrames,
  outlastHoverDelays,
  overlayBox,
  overlayHtml,
  pageDomWithoutOurHost,
  recordNavigations,
  rescanAfter,
  screenshotForDocs,
  sendFromBackground,
  setStorage,
  tabIdOf,
  test,
  waitForCard,
  waitForMarks,
  waitForRest,
  waitForScan,
  waitForStart,
} from './fixtures';

const PAGES = '/tests/fixtures/pages';

test('the page DOM stays byte-identical apart from our one host element', async ({ context, serviceWorker, origin }) => {
  // Off for this site first: the extension does nothing, and we record the page as it is.
  await setStorage(serviceWorker, { 'site:127.0.0.1': 'off' });
  const page = await context.newPage();
  await page.goto(`${origin}${PAGES}/opinion.html`);
  await waitForStart(page);
  const untouched = await pageDomWithoutOurHost(page);
  expect(await markCount(page)).toBe(0);

  await setStorage(serviceWorker, { 'site:127.0.0.1': 'on' });
  await waitForMarks(page, 3);
  const point = await markPoint(page, /Zelensky|Putin|Kyiv/);
  await page.mouse.move(point.x, point.y);
  await waitForCard(page);
  expect(await page.evaluate(() => document.querySelectorAll('[data-negotiation-lens-ui]').length)).toBe(1);
  expect(await pageDomWithoutOurHost(page)).toBe(untouched);
});

test('nothing in forms, code, editable areas or hidden text is marked', async ({ context, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}${PAGES}/forms-code.html`);
  await waitForMarks(page, 2);
  expect(await marksInside(page, '[data-excluded]')).toEqual([]);
  // Typing into the page's own editable area is left alone too.
  await page.locator('[contenteditable]').first().click();
  await rescanAfter(page, () => page.keyboard.type(' Zelensky and Putin met in Riyadh.'));
  expect(await marksInside(page, '[data-excluded]')).toEqual([]);
});

// old-2016.html names Putin, Kyiv, Lavrov and the Minsk agreements, but was published in 2016, before the talks.
for (const file of ['gaza-ceasefire.html', 'ncaa-sanctions.html', 'geology-minerals.html', 'bridge-column.html', 'old-2016.html']) {
  test(`an off-topic page gets no marks: ${file}`, async ({ context, origin }) => {
    const page = await context.newPage();
    await page.goto(`${origin}${PAGES}/${file}`);
    await waitForScan(page);
    expect(await markCount(page)).toBe(0);
  });
}

test('marks the first mention of each thing per article section by default, every mention on request', async ({ context, serviceWorker, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}${PAGES}/wire-story.html`);
  const first = await waitForMarks(page, 3);
  const texts = await markedTexts(page);
  await setStorage(serviceWorker, { 'pref:markScope': 'every' });
  await expect.poll(() => markCount(page)).toBeGreaterThan(first);
  expect((await markedTexts(page)).length).toBeGreaterThan(texts.length);
});

test('a live blog: appended updates are marked', async ({ context, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}${PAGES}/live-blog.html`);
  const before = await waitForMarks(page, 3);
  await page.evaluate(() => (window as unknown as { __appendUpdate(): void }).__appendUpdate());
  await expect.poll(() => markCount(page)).toBeGreaterThan(before);
  expect((await marksInside(page, '#updates > li:first-child')).join('|')).toMatch(/Witkoff/);
});

test('an app that re-renders its content keeps correct marks, and text edits are re-scanned', async ({ context, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}${PAGES}/react-rerender.html`);
  const before = await waitForMarks(page, 3);
  const textsBefore = await markedTexts(page);
  await rescanAfter(page, () => page.evaluate(() => (window as unknown as { __rerender(): void }).__rerender()));
  // The old nodes left the page: their ranges are gone, the new nodes carry the same marks.
  expect(await markCount(page)).toBe(before);
  expect(await markedTexts(page)).toEqual(textsBefore);
  expect(await page.evaluate(() => [...CSS.highlights].filter(([name]) => name.startsWith('negotiation-lens-underline')).flatMap(([, marks]) => [...marks]).every((r) => (r as AbstractRange).startContainer.isConnected))).toBe(true);
  await page.evaluate(() => (window as unknown as { __editFirstParagraph(): void }).__editFirstParagraph());
  await expect.poll(async () => (await markedTexts(page)).join('|')).toMatch(/Marco Rubio/);
});

test('a hover that lands while the page re-renders opens no card in the corner; the new mark\'s card opens beside it', async ({ context, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}${PAGES}/react-rerender.html`);
  await waitForMarks(page, 3);
  const point = await markPoint(page, /^Sergei Lavrov$/);
  await page.mouse.move(point.x, point.y);
  // The hover is seen (once per frame) and its card waits out the dwell; the page re-renders in the meantime.
  await nextFrames(page);
  await rescanAfter(page, () => page.evaluate(() => (window as unknown as { __rerender(): void }).__rerender()));
  await outlastHoverDelays(page);
  expect(await overlayBox(page, '[role="dialog"]')).toBeNull();

  // Resting on the new mark opens its card next to it.
  await page.mouse.move(5, 5);
  const again = await markPoint(page, /^Sergei Lavrov$/);
  await page.mouse.move(again.x, again.y);
  await waitForCard(page, /Lavrov/);
  const box = (await overlayBox(page, '[role="dialog"]'))!;
  const nearMark = Math.min(Math.abs(box.top - again.y), Math.abs(box.bottom - again.y));
  expect(nearMark).toBeLessThan(40);
  expect(box.left).toBeLessThanOrEqual(again.x);
});

test('single-page navigation (History API) rescans the new content', async ({ context, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}${PAGES}/gaza-ceasefire.html`);
  await waitForScan(page);
  expect(await markCount(page)).toBe(0);
  // The page swaps in a story about the talks and pushes a new URL, as news apps do.
  await page.evaluate(() => {
    const article = document.querySelector('article') ?? document.body;
    const p = document.createElement('p');
    p.textContent = 'In Kyiv, Volodymyr Zelensky said Russia must accept the ceasefire; Putin and Lavrov did not reply.';
    article.replaceChildren(p);
    history.pushState({}, '', '/tests/fixtures/pages/next-story');
  });
  await waitForMarks(page, 3);
});

test('a jump within the page (only the hash changes, to an element of the page) keeps the marks and the open card', async ({ context, extensionId, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}${PAGES}/wire-story.html`);
  await waitForMarks(page, 3);
  const navigations = await recordNavigations(page, extensionId);
  const point = await markPoint(page, /Lavrov/);
  await page.mouse.move(point.x, point.y);
  await waitForCard(page, /Lavrov/);
  // Remember one painted range: a rescan would replace every range with a new one.
  await page.evaluate(() => {
    (window as unknown as { __range: AbstractRange }).__range = ([...CSS.highlights].filter(([name]) => name.startsWith('negotiation-lens-underline')).flatMap(([, marks]) => [...marks]) as AbstractRange[])[0]!;
    location.hash = 'story';
  });
  // The content script has been told, and has decided: a rescan would have dropped every range at once.
  await expect.poll(async () => (await navigations()).length).toBe(1);
  expect(await cardText(page)).toMatch(/Lavrov/);
  expect(await page.evaluate(() => [...CSS.highlights].filter(([name]) => name.startsWith('negotiation-lens-underline')).flatMap(([, marks]) => [...marks]).includes((window as unknown as { __range: AbstractRange }).__range))).toBe(true);
});

test('a hash router that swaps in another story ("#/world/…") is a navigation: the new story is judged afresh', async ({ context, extensionId, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}${PAGES}/wire-story.html`);
  await waitForMarks(page, 3);
  const navigations = await recordNavigations(page, extensionId);
  await page.evaluate(async () => {
    const html = await (await fetch('/tests/fixtures/pages/gaza-ceasefire.html')).text();
    const story = new DOMParser().parseFromString(html, 'text/html');
    document.body.replaceChildren(...[...story.body.childNodes].map((node) => document.importNode(node, true)));
    location.hash = '#/world/gaza-ceasefire';
  });
  // The scan that counts is the one after the navigation, not a batch of the swapped nodes before it.
  await expect.poll(async () => (await navigations()).length).toBe(1);
  await waitForRest(page, (await navigations())[0]!);
  // The off-topic story gets no marks, as when it is loaded on its own.
  expect(await markCount(page)).toBe(0);
});

test('the keyboard route: next mention opens its card with focus, Escape closes it and returns focus', async ({ context, serviceWorker, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}${PAGES}/wire-story.html`);
  await waitForMarks(page, 3);
  const tab = await tabIdOf(serviceWorker, page);
  await page.locator('a').first().focus();
  const focusedBefore = await page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.localName}:${el.textContent?.slice(0, 40)}` : null;
  });

  await sendFromBackground(serviceWorker, tab, { type: 'stepMention', payload: { direction: 1 } });
  const first = await waitForCard(page);
  // Focus moved into our card (the page sees only our host element as focused).
  expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-negotiation-lens-ui'))).toBe(true);
  await sendFromBackground(serviceWorker, tab, { type: 'stepMention', payload: { direction: 1 } });
  await expect.poll(async () => (await cardText(page)) ?? '').not.toBe(first);
  await sendFromBackground(serviceWorker, tab, { type: 'stepMention', payload: { direction: -1 } });
  await expect.poll(async () => (await cardText(page)) ?? '').toBe(first);

  await page.keyboard.press('Escape');
  await expect.poll(() => cardText(page)).toBeNull();
  expect(
    await page.evaluate(() => {
      const el = document.activeElement;
      return el ? `${el.localName}:${el.textContent?.slice(0, 40)}` : null;
    }),
  ).toBe(focusedBefore);
});

test('focus moving on from a keyboard-opened card into the page closes the card and stays where it went', async ({ context, serviceWorker, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}${PAGES}/wire-story.html`);
  await waitForMarks(page, 3);
  const tab = await tabIdOf(serviceWorker, page);
  await page.locator('a').first().focus();
  await sendFromBackground(serviceWorker, tab, { type: 'stepMention', payload: { direction: 1 } });
  await waitForCard(page);
  // From the card, on to the second link of the page: the card would cover it, so it closes.
  await page.locator('a').nth(1).focus();
  await expect.poll(() => cardText(page)).toBeNull();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Laila Haddad');
  // Escape now has no card to close, and leaves focus alone.
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Laila Haddad');
});

test('the card stays open while the pointer moves into it, can be pinned, and closes when abandoned', async ({ context, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}${PAGES}/wire-story.html`);
  await waitForMarks(page, 3);
  const point = await markPoint(page, /Lavrov/);
  await page.mouse.move(point.x, point.y);
  await waitForCard(page, /Lavrov/);
  const box = await page.evaluate(() => {
    const host = document.querySelector('[data-negotiation-lens-ui]')!;
    return host.getBoundingClientRect().toJSON();
  });
  expect(box).toBeTruthy();
  // Move into the card: find it through its dialog role in the DevTools DOM, via its on-screen box.
  const cardBox = await cardRect(page);
  await page.mouse.move(point.x, (point.y + cardBox.top + 10) / 2, { steps: 4 });
  await page.mouse.move(cardBox.left + 20, cardBox.top + 10, { steps: 4 });
  await outlastHoverDelays(page);
  expect(await cardText(page)).toMatch(/Lavrov/);
  // Pin, leave: it stays.
  await page.mouse.click(cardBox.right - 55, cardBox.top + 26);
  await page.mouse.move(5, 5);
  await outlastHoverDelays(page);
  expect(await cardText(page)).toMatch(/Lavrov/);
  // Unpin, leave: it closes.
  await page.mouse.click(cardBox.right - 55, cardBox.top + 26);
  await page.mouse.move(5, 5);
  await expect.poll(() => cardText(page)).toBeNull();
});

test('scrolling away closes a card that is not pinned; a pinned card stays open and inside the window', async ({ context, serviceWorker, origin }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.goto(`${origin}${PAGES}/long-read.html`);
  await waitForMarks(page, 3);
  /** The card's placement as drawn: its top and the most height it may take (inline styles of the dialog). */
  const placement = async () => {
    const html = (await overlayHtml(page)) ?? '';
    const top = /role="dialog"[^>]*style="[^"]*top: (\d+)px/.exec(html) ?? /style="[^"]*top: (\d+)px[^"]*"[^>]*role="dialog"/.exec(html);
    const max = /max-height: (\d+)px/.exec(html);
    return top && max ? { top: Number(top[1]), bottom: Number(top[1]) + Number(max[1]) } : null;
  };

  // Opened from the keyboard (it stays open without the pointer), then the page scrolls its mark away.
  const tab = await tabIdOf(serviceWorker, page);
  await sendFromBackground(serviceWorker, tab, { type: 'stepMention', payload: { direction: 1 } });
  await waitForCard(page);
  await page.evaluate(() => window.scrollBy({ top: 1500, behavior: 'instant' }));
  await expect.poll(() => cardText(page)).toBeNull();
  // Focus left the card with it, back to where it was before.
  expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-negotiation-lens-ui'))).toBe(false);

  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  const point = await markPoint(page, /Ukraine/);
  await page.mouse.move(point.x, point.y);
  await waitForCard(page, /Ukraine/);
  const box = await cardRect(page);
  await page.mouse.move(box.left + 20, box.top + 10, { steps: 4 });
  await page.mouse.click(box.right - 55, box.top + 26);
  await page.mouse.move(5, 5);
  await page.mouse.wheel(0, 1500);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1000);
  // The card follows (or closes) once per frame.
  await nextFrames(page);
  expect(await cardText(page)).toMatch(/Ukraine/);
  const placed = await placement();
  expect(placed).not.toBeNull();
  expect(placed!.top).toBeGreaterThanOrEqual(0);
  expect(placed!.bottom).toBeLessThanOrEqual(700);
});

test('a click in blank space beside a mark opens nothing (cards open on click)', async ({ context, serviceWorker, origin }) => {
  // Hit testing is the same for every trigger; a click opens at once, so "nothing opened" needs no wait on a delay.
  // The headline's mark is the one with blank space beside it: headlines are marked when the whole page is.
  await setStorage(serviceWorker, { 'pref:cardTrigger': 'click', 'pref:wholePage': true });
  const page = await context.newPage();
  await page.goto(`${origin}${PAGES}/wire-story.html`);
  await waitForMarks(page, 3);
  const point = await markPoint(page, /Riyadh talks/);
  // The mark itself opens its card on a click (and the card's styles are loaded from here on).
  await page.mouse.click(point.x, point.y);
  await waitForCard(page, /Riyadh/);
  await page.keyboard.press('Escape');
  await expect.poll(() => cardText(page)).toBeNull();
  // Far right of the headline's last line: the caret lands next to text, but no mark's rectangle contains the point.
  await page.mouse.click(1180, point.y);
  await nextFrames(page);
  expect(await cardText(page)).toBeNull();
});

for (const colorScheme of ['light', 'dark'] as const)
  test.describe(`${colorScheme}`, () => {
    test.use({ colorScheme });
    test('the card has no axe violations', async ({ context, origin }) => {
      const page = await context.newPage();
      await page.goto(`${origin}${PAGES}/opinion.html`);
      await waitForMarks(page, 3);
      const point = await markPoint(page, /coalition of the willing|frozen conflict|security guarantees/i);
      await page.mouse.move(point.x, point.y);
      await waitForCard(page);
      // axe cannot enter a closed shadow root: check a faithful copy of the card's DOM and styles.
      const html = (await overlayHtml(page))!;
      const copy = await context.newPage();
      await copy.setContent(`<!doctype html><html lang="en"><head><title>Card</title></head><body><main><div id="host"></div></main></body></html>`);
      await copy.evaluate((source) => {
        const host = document.getElementById('host')!;
        const shadow = host.attachShadow({ mode: 'open' });
        const doc = new DOMParser().parseFromString(`<body>${source}</body>`, 'text/html');
        shadow.append(...Array.from(doc.body.childNodes).map((n) => document.importNode(n, true)));
      }, html);
      const results = await new AxeBuilder({ page: copy }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.html.slice(0, 80)).join(' | ')})`)).toEqual([]);
      await screenshotForDocs(page, `card-topic-${colorScheme}.png`);
    });
  });

async function cardRect(page: import('@playwright/test').Page) {
  return page.evaluate(() => {
    // Our host is position: fixed with zero size; the card is its only visible box. elementsFromPoint cannot see
    // into the closed root, so scan the viewport for points that resolve to the host.
    const host = document.querySelector('[data-negotiation-lens-ui]')!;
    let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
    for (let y = 0; y < innerHeight; y += 8)
      for (let x = 0; x < innerWidth; x += 8)
        if (document.elementFromPoint(x, y) === host) {
          left = Math.min(left, x); top = Math.min(top, y); right = Math.max(right, x); bottom = Math.max(bottom, y);
        }
    return { left, top, right, bottom };
  });
}

test('"Open in popup" on an event card opens the popup at that event, expanded', async ({ context, serviceWorker, extensionId, origin }) => {
  // The event's name is in the headline, marked when the whole page is.
  await setStorage(serviceWorker, { 'pref:wholePage': true });
  const page = await context.newPage();
  await page.goto(`${origin}${PAGES}/wire-story.html`);
  await waitForMarks(page, 3);
  const point = await markPoint(page, /^Riyadh talks$/);
  await page.mouse.move(point.x, point.y);
  await waitForCard(page, /Riyadh/);
  const card = await cardRect(page);
  // The footer's "Open in popup" button sits at the card's bottom right, and stays there when the card scrolls.
  await page.mouse.move(card.right - 40, card.bottom - 12, { steps: 5 });
  await page.mouse.click(card.right - 40, card.bottom - 12);
  // The background opens the real popup with the item in its address. Headless Chromium opens it without showing
  // it, out of Playwright's reach; the extension can list it, and the test shows the same address in a tab.
  type ExtensionContext = { contextType: string; documentUrl?: string };
  const openPopups = () =>
    serviceWorker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { runtime: { getContexts(filter: object): Promise<ExtensionContext[]> } } }).chrome;
      return (await api.runtime.getContexts({ contextTypes: ['POPUP'] })).map((c) => c.documentUrl ?? '');
    });
  await expect.poll(openPopups).toEqual([expect.stringMatching(/\/popup\.html\?focus=riyadh-talks/)]);
  const [address] = await openPopups();
  // Once open, the tab's toolbar button opens the plain popup again.
  const tab = await tabIdOf(serviceWorker, page);
  await expect
    .poll(() =>
      serviceWorker.evaluate(
        (id) => (globalThis as unknown as { chrome: { action: { getPopup(d: object): Promise<string> } } }).chrome.action.getPopup({ tabId: id }),
        tab,
      ),
    )
    .toBe(`chrome-extension://${extensionId}/popup.html`);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(address!);
  const event = popup.locator('.timeline li.event[data-event-id^="riyadh-talks"]');
  await expect(event.locator('details')).toHaveAttribute('open', '');
  await expect(event).toBeInViewport();
  await expect(popup.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
});

test('a long page is painted near the viewport: far paragraphs get their marks when scrolled to, and their cards open', async ({ context, origin }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.goto(`${origin}${PAGES}/long-read.html`);
  await waitForMarks(page, 3);
  /** Numbers of the paragraphs (p-N) that have painted marks. */
  const paintedParts = () =>
    page.evaluate(() => {
      const parts = new Set<number>();
      for (const r of [...CSS.highlights].filter(([name]) => name.startsWith('negotiation-lens-underline')).flatMap(([, marks]) => [...marks]) as AbstractRange[]) {
        const id = r.startContainer.parentElement?.closest('p')?.id ?? '';
        if (id.startsWith('p-')) parts.add(Number(id.slice(2)));
      }
      return [...parts].sort((a, b) => a - b);
    });
  const atTop = await paintedParts();
  expect(atTop).toContain(1);
  expect(atTop).not.toContain(40);
  expect(Math.max(...atTop)).toBeLessThan(30);

  await page.evaluate(() => document.getElementById('p-40')!.scrollIntoView({ block: 'center', behavior: 'instant' }));
  await expect.poll(paintedParts).toContain(40);
  expect(await paintedParts()).not.toContain(1);

  // The mark down there works like any other: hover opens its card.
  const point = await page.evaluate(() => {
    const p = document.getElementById('p-40')!;
    const range = document.createRange();
    const text = p.firstChild as Text;
    // A topic: marked again in each section (Kyiv, a state's capital, is marked once per article).
    const at = text.data.indexOf('minerals deal');
    range.setStart(text, at);
    range.setEnd(text, at + 'minerals deal'.length);
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.move(point.x, point.y);
  await waitForCard(page, /Minerals/);
});

test('text hidden when the page loads is marked once shown: an opened <details>, a removed "collapsed" class', async ({ context, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}${PAGES}/shown-later.html`);
  await waitForMarks(page, 3);
  expect((await markedTexts(page)).join('|')).not.toMatch(/Lavrov|Witkoff/);
  await page.click('summary');
  await page.evaluate(() => document.getElementById('story')!.classList.remove('collapsed'));
  await expect.poll(async () => (await markedTexts(page)).join('|')).toMatch(/Lavrov.*Witkoff|Witkoff.*Lavrov/);
});

test('text in a paragraph element with display: contents is painted', async ({ context, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}${PAGES}/display-contents.html`);
  await waitForMarks(page, 3);
  // The viewport observer reports a frame or two later: the marks must survive its report.
  await nextFrames(page);
  await nextFrames(page);
  const texts = await markedTexts(page);
  expect(texts).toContain('Sergei Lavrov');
  // Text directly inside such an element: the browser says the element itself is not visible (it has no box).
  expect(texts).toContain('Steve Witkoff');
});

test('a paragraph the page hides with a class loses its painted marks, and gets them back when shown', async ({ context, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}${PAGES}/long-read.html`);
  await waitForMarks(page, 3);
  const paintedIn = (id: string) => page.evaluate((pid) => ([...CSS.highlights].filter(([name]) => name.startsWith('negotiation-lens-underline')).flatMap(([, marks]) => [...marks]) as AbstractRange[]).filter((r) => r.startContainer.parentElement?.closest('p')?.id === pid).length, id);
  expect(await paintedIn('p-1')).toBeGreaterThan(0);
  // Class changes are not watched by the page lens; the viewport observer sees the paragraph lose its box.
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = '.collapsed { display: none; }';
    document.head.append(style);
    document.getElementById('p-1')!.classList.add('collapsed');
  });
  await expect.poll(() => paintedIn('p-1')).toBe(0);
  await page.evaluate(() => document.getElementById('p-1')!.classList.remove('collapsed'));
  await expect.poll(() => paintedIn('p-1')).toBeGreaterThan(0);
});
