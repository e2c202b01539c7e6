/**
 * Marks and cards readable on any page: on a white and a dark news page, and on one that follows the system theme,
 * under both system themes. The test reads, for every painted mark, the underline colour its highlight has where
 * the mark is (getComputedStyle with the ::highlight() pseudo-element) and the page's background behind it, and
 * computes the WCAG contrast ratio itself.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, MARK_HIGHLIGHTS, markPoint, overlayStyle, screenshotForDocs, setStorage, test, waitForCard, waitForMarks } from './fixtures';

const PAGES = '/tests/fixtures/pages';

type Rgba = [number, number, number, number];

/** A computed rgb()/rgba() colour; anything else fails the test (our colours are all given in sRGB). */
function rgba(css: string): Rgba {
  const match = /^rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)$/.exec(css);
  if (!match) throw new Error(`not an sRGB colour: ${css}`);
  return [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])];
}

/** `top` painted over `bottom` (opaque), as the browser composites them in sRGB. */
const over = (top: Rgba, bottom: Rgba): Rgba => [0, 1, 2].map((i) => top[i]! * top[3] + bottom[i]! * (1 - top[3])).concat(1) as Rgba;

/** WCAG 2 relative luminance and contrast ratio, computed here rather than taken from the extension. */
const luminance = (c: Rgba) =>
  [0.2126, 0.7152, 0.0722].reduce((sum, weight, i) => {
    const v = c[i]! / 255;
    return sum + weight * (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  }, 0);
const contrast = (a: Rgba, b: Rgba) => {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};

interface PaintedMark {
  text: string;
  highlight: string;
  inLink: boolean;
  /** The highlight's own decoration and colours where the mark is. */
  line: string;
  underline: string;
  tint: string;
  /** The page's text colour there, and the opaque background behind it. */
  color: string;
  background: Rgba;
}

/** Every painted mark with its highlight's colours and the page's background where it is. */
async function paintedMarks(page: Page): Promise<PaintedMark[]> {
  const found = await page.evaluate((names) => {
    const registry = (window as unknown as { __registry?: HighlightRegistry }).__registry ?? CSS.highlights;
    // The canvas shows where no element paints a background: white, unless the page follows a dark system theme.
    const canvas = getComputedStyle(document.getElementById('canvas-probe') ?? document.documentElement).backgroundColor;
    const out = [];
    for (const name of names)
      for (const range of (registry.get(name) ?? []) as Iterable<AbstractRange>) {
        const element = range.startContainer.parentElement!;
        const highlight = getComputedStyle(element, `::highlight(${name})`);
        const layers: string[] = [];
        for (let at: Element | null = element; at; at = at.parentElement) layers.push(getComputedStyle(at).backgroundColor);
        out.push({
          text: (range.startContainer as Text).data.slice(range.startOffset, range.endOffset),
          highlight: name,
          inLink: element.closest('a[href]') !== null,
          line: highlight.textDecorationLine,
          underline: highlight.textDecorationColor,
          tint: highlight.backgroundColor,
          color: getComputedStyle(element).color,
          layers,
          canvas: canvas === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : canvas,
        });
      }
    return out;
  }, MARK_HIGHLIGHTS);
  return found.map(({ layers, canvas, ...mark }) => ({ ...mark, background: layers.reduceRight<Rgba>((under, layer) => over(rgba(layer), under), rgba(canvas)) }));
}

/** The open card's background colour. */
async function cardBackground(page: Page): Promise<Rgba> {
  await expect.poll(() => overlayStyle(page, '.card', 'visibility')).toBe('visible');
  return rgba((await overlayStyle(page, '.card', 'background-color'))!);
}

async function openCard(page: Page, text: RegExp): Promise<Rgba> {
  const point = await markPoint(page, text);
  await page.mouse.move(point.x, point.y);
  await waitForCard(page, text);
  return cardBackground(page);
}

const isDark = (colour: Rgba) => luminance(colour) < 0.2;

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} system theme`, () => {
    test.use({ colorScheme });

    for (const fixture of ['contrast-light', 'contrast-dark', 'contrast-system'] as const) {
      // The page's own brightness: the system page is dark exactly when the system theme is.
      const darkPage = fixture === 'contrast-dark' || (fixture === 'contrast-system' && colorScheme === 'dark');

      test(`${fixture}: every mark's underline reaches 3:1 against the background behind it, and its card is ${darkPage ? 'dark' : 'light'}`, async ({ context, origin }) => {
        const page = await context.newPage();
        await page.goto(`${origin}${PAGES}/${fixture}.html`);
        await waitForMarks(page, 3);
        const marks = await paintedMarks(page);
        expect(marks.length).toBeGreaterThanOrEqual(3);
        for (const mark of marks) {
          expect(isDark(mark.background), `${mark.text}: page background`).toBe(darkPage);
          // The tone of the highlight follows the page, not the system.
          expect(mark.highlight.includes('-dark'), `${mark.text} in ${mark.highlight}`).toBe(darkPage);
          expect(mark.highlight.endsWith('-link'), `${mark.text} in ${mark.highlight}`).toBe(mark.inLink);
          expect(mark.line).toBe('underline');
          // The underline is painted over the highlight's tint, if it has one.
          const behind = over(rgba(mark.tint), mark.background);
          const ratio = contrast(rgba(mark.underline), behind);
          expect(ratio, `${mark.text}: ${mark.underline} on ${behind.map(Math.round).join(',')}`).toBeGreaterThanOrEqual(3);
        }

        const plain = await openCard(page, /Zelensky/);
        expect(isDark(plain), `card background ${plain.join(',')}`).toBe(darkPage);
        // Its own text reads well on it, in either tone.
        expect(contrast(rgba((await overlayStyle(page, '.card', 'color'))!), plain)).toBeGreaterThanOrEqual(7);
        if (fixture === 'contrast-dark') {
          mkdirSync('test-results/contrast', { recursive: true });
          await page.screenshot({ path: `test-results/contrast/dark-page-${colorScheme}-system.png` });
          // The README's picture: the dark page read with a light system theme, where cards used to be light.
          if (colorScheme === 'light') await screenshotForDocs(page, 'contrast-dark-page.png');
        }
      });
    }

    for (const fixture of ['contrast-light', 'contrast-dark'] as const)
      test(`${fixture}: a mark in a link stays distinguishable from the link's own underline`, async ({ context, origin }) => {
        const page = await context.newPage();
        await page.goto(`${origin}${PAGES}/${fixture}.html`);
        await waitForMarks(page, 3);
        const marks = await paintedMarks(page);
        const linked = marks.find((mark) => mark.text === 'Steve Witkoff')!;
        const plain = marks.find((mark) => /Zelensky/.test(mark.text))!;
        expect(linked.inLink).toBe(true);
        expect(linked.highlight).toMatch(/-link$/);
        // The link's own underline lies where ours would: the mark adds a tint behind the link's text, which a mark
        // out of a link does not have...
        const tint = rgba(linked.tint);
        expect(tint[3]).toBeGreaterThan(0);
        expect(rgba(plain.tint)[3]).toBe(0);
        const tinted = over(tint, linked.background);
        expect(contrast(tinted, linked.background)).toBeGreaterThanOrEqual(1.2);
        // ...and the link's text stays readable on it.
        expect(contrast(rgba(linked.color), tinted)).toBeGreaterThanOrEqual(4.5);
        // The underline still differs from the link's own in colour.
        expect(linked.underline).not.toBe(linked.color);
      });

    test('with "Card colours: like the system", cards follow the system theme on light and dark pages', async ({ context, origin, serviceWorker }) => {
      await setStorage(serviceWorker, { 'pref:cardTheme': 'system' });
      for (const fixture of ['contrast-light', 'contrast-dark']) {
        const page = await context.newPage();
        await page.goto(`${origin}${PAGES}/${fixture}.html`);
        await waitForMarks(page, 3);
        const card = await openCard(page, /Zelensky/);
        expect(isDark(card), `${fixture}: card background ${card.join(',')}`).toBe(colorScheme === 'dark');
        // Marks still follow the page.
        const marks = await paintedMarks(page);
        for (const mark of marks) expect(contrast(rgba(mark.underline), over(rgba(mark.tint), mark.background))).toBeGreaterThanOrEqual(3);
        await page.close();
      }
    });
  });
}
