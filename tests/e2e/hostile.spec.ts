/**
 * Hostile pages, and what the content script's isolated world does and does not protect.
 * Protected: our JavaScript (the page's overrides of built-ins are invisible to us), our UI (closed shadow root,
 * inline !important host styles), what cards say (they come from the bundled pack, never from the page).
 * Not protected: the document's highlight registry, which the page can read, replace or clear; synthetic events
 * the page dispatches (we ignore them: isTrusted is false); the page's own layout on top of ours.
 */
import { cardText, expect, markCount, markPoint, nextFrames, overlayHtml, setStorage, test, waitForCard, waitForMarks } from './fixtures';

const PAGES = '/tests/fixtures/pages';

test('overridden built-ins in the page do not reach the content script', async ({ context, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}${PAGES}/hostile-prototypes.html`);
  await waitForMarks(page, 3);
  const point = await markPoint(page, /Lavrov/);
  await page.mouse.move(point.x, point.y);
  expect(await waitForCard(page, /Lavrov/)).toContain('As of');
  // None of the page's booby-trapped functions was called by us.
  expect(await page.evaluate(() => (window as unknown as { __hostileCalls: number }).__hostileCalls)).toBe(0);
});

test('page styles cannot hide or restyle the card, and an overlay above the page does not cover it', async ({ context, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}${PAGES}/hostile-styles.html`);
  await waitForMarks(page, 3);
  const point = await markPoint(page, /Lavrov/);
  await page.mouse.move(point.x, point.y);
  await waitForCard(page, /Lavrov/);
  const visible = await page.evaluate(() => {
    const host = document.querySelector('[data-negotiation-lens-ui]')!;
    const style = getComputedStyle(host);
    return { display: style.display, visibility: style.visibility, opacity: style.opacity, zIndex: style.zIndex };
  });
  expect(visible).toEqual({ display: 'block', visibility: 'visible', opacity: '1', zIndex: '2147483647' });
  await page.screenshot({ path: 'test-results/hostile-styles.png' });
  // The card is on top: the point at its centre belongs to our host, not the page's overlay.
  const top = await page.evaluate(() => {
    const host = document.querySelector('[data-negotiation-lens-ui]')!;
    for (let y = 10; y < innerHeight; y += 10) for (let x = 10; x < innerWidth; x += 10) if (document.elementFromPoint(x, y) === host) return true;
    return false;
  });
  expect(top).toBe(true);
});

test('a page that defines custom elements under likely names cannot take over or remove our card', async ({ context, origin }) => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}${PAGES}/hostile-elements.html`);
  await waitForMarks(page, 3);
  const point = await markPoint(page, /Lavrov/);
  await page.mouse.move(point.x, point.y);
  expect(await waitForCard(page, /Lavrov/)).toContain('As of');
  // Our host is a built-in element: none of the page's classes ran on it, and nothing threw in the page.
  expect(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual([]);
  expect(errors).toEqual([]);
});

test('markup and script in the page text stay text: nothing runs, and cards say what the pack says', async ({ context, origin }) => {
  const dialogs: string[] = [];
  const benign = await context.newPage();
  await benign.goto(`${origin}${PAGES}/wire-story.html`);
  await waitForMarks(benign, 3);
  const benignPoint = await markPoint(benign, /Lavrov/);
  await benign.mouse.move(benignPoint.x, benignPoint.y);
  const reference = await waitForCard(benign, /Lavrov/);

  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${origin}${PAGES}/hostile-payloads.html`);
  await waitForMarks(page, 3);
  const point = await markPoint(page, /^Sergei Lavrov$/);
  await page.mouse.move(point.x, point.y);
  expect(await waitForCard(page, /Lavrov/)).toBe(reference);
  const html = (await overlayHtml(page))!;
  expect(html).not.toMatch(/<img|<iframe|<script|onerror|onload|alert\(|constructor/i);
  expect(dialogs).toEqual([]);
});

test('the page can query our host but not enter it, and its synthetic events change nothing', async ({ context, serviceWorker, origin }) => {
  // Cards open on click here: a click opens at once, so "nothing opened" is seen without waiting out a hover
  // delay. (Made-up pointer moves are ignored the same way; tests/dom checks them with a fake clock.)
  await setStorage(serviceWorker, { 'pref:cardTrigger': 'click' });
  const page = await context.newPage();
  await page.goto(`${origin}${PAGES}/hostile-payloads.html`);
  await waitForMarks(page, 3);
  const point = await markPoint(page, /^Sergei Lavrov$/);
  // A real click opens the card (and loads its styles, so a card would show at once from here on).
  await page.mouse.click(point.x, point.y);
  await waitForCard(page, /Lavrov/);
  await page.keyboard.press('Escape');
  await expect.poll(() => cardText(page)).toBeNull();
  // A made-up click over the mark opens nothing.
  await page.evaluate(({ x, y }) => {
    const target = document.elementFromPoint(x, y)!;
    target.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true, composed: true }));
    target.dispatchEvent(new MouseEvent('click', { clientX: x, clientY: y, bubbles: true, composed: true }));
  }, point);
  await nextFrames(page);
  expect(await cardText(page)).toBeNull();

  await page.mouse.click(point.x, point.y);
  const text = await waitForCard(page, /Lavrov/);
  const attempts = await page.evaluate(() => {
    const host = document.querySelector('[data-negotiation-lens-ui]') as HTMLElement;
    const reachable = host.shadowRoot !== null;
    host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    host.textContent = 'Forged card text';
    host.setAttribute('style', 'display:none');
    return { reachable, childNodes: host.childNodes.length };
  });
  // Closed shadow root: no way in. Text the page puts into the host is light DOM, which the shadow root does not show.
  expect(attempts.reachable).toBe(false);
  expect(await cardText(page)).toBe(text);
});

test('the highlight registry is shared: a page can clear our marks, but they return on its next change and never change a card', async ({ context, serviceWorker, origin }) => {
  // Cards open on click: whether one opens is seen at once, without waiting out a hover delay.
  await setStorage(serviceWorker, { 'pref:cardTrigger': 'click' });
  const page = await context.newPage();
  await page.goto(`${origin}${PAGES}/hostile-payloads.html`);
  const before = await waitForMarks(page, 3);
  // What a page may learn: which ranges of its own text we marked (it can compute that from public aliases anyway).
  const seen = await page.evaluate(() => [...CSS.highlights.keys()]);
  expect(seen).toContain('negotiation-lens-underline');

  // A page that clears the registry removes the marks for now...
  await page.evaluate(() => CSS.highlights.clear());
  expect(await markCount(page)).toBe(0);
  // ...and they come back with the page's next change, when we scan again.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Later: Zelensky spoke to Putin.';
    document.querySelector('article')!.append(p);
  });
  await expect.poll(() => markCount(page)).toBeGreaterThanOrEqual(before);

  // Load the card styles with a real mark first, so that a card, if any, shows at once.
  const real = await markPoint(page, /Putin/);
  await page.mouse.click(real.x, real.y);
  await waitForCard(page, /Putin/);
  await page.keyboard.press('Escape');
  await expect.poll(() => cardText(page)).toBeNull();
  await page.evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
  // A page that paints its own ranges under our name gets underlines, but no card: hit testing uses our own marks.
  await page.evaluate(() => {
    const text = document.querySelector('h1')!.firstChild!;
    const range = new StaticRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 3 });
    CSS.highlights.set('negotiation-lens-underline', new Highlight(range));
  });
  const fake = await page.evaluate(() => {
    const text = document.querySelector('h1')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 3);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + 5, y: rect.top + rect.height / 2, text: range.toString() };
  });
  expect(fake.text).toBe('Zel');
  await page.mouse.click(fake.x, fake.y);
  await nextFrames(page);
  const card = await cardText(page);
  // Either no card, or the card of the real mark under the pointer ("Zelensky"): never one the page made up.
  if (card !== null) expect(card).toMatch(/Volodymyr Zelensky/);
});
