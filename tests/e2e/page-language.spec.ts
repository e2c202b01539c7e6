/**
 * Pages in the languages the talks are read in: a Ukrainian story whose template declares English and a Russian
 * one are marked, in their own words and forms (Україна, України; Кремлі). A page in a language the extension does
 * not read says so in the popup's "This page"; an English page that is not about the talks says that instead.
 */
import { cardText, expect, markCount, markPoint, openPopup, test, waitForCard, waitForMarks, waitForScan } from './fixtures';

for (const [file, mark, card] of [
  ['ukrainian-story.html', /^України$/, /Ukraine/],
  ['russian-story.html', /^Украины$/, /Ukraine/],
] as const) {
  test(`${file} is marked in its own language, and a mark in an inflected form opens its card`, async ({ context, origin }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${origin}/tests/fixtures/pages/${file}`);
    await waitForMarks(page, 2);
    const point = await markPoint(page, mark);
    await page.mouse.move(point.x, point.y);
    await waitForCard(page, card);
    expect(await cardText(page)).toMatch(/Where it stands|At the time of this article/);
  });
}

for (const [file, sentence] of [
  ['spanish-story.html', 'This page is in a language Negotiation Lens does not read yet. Negotiation Lens reads English, Ukrainian, Russian, German, French and Polish pages for now.'],
  ['gaza-ceasefire.html', 'This page does not seem to be about the negotiations, so nothing is marked on it.'],
] as const) {
  test(`"This page" on ${file}: ${sentence}`, async ({ context, serviceWorker, extensionId, origin }) => {
    const page = await context.newPage();
    await page.goto(`${origin}/tests/fixtures/pages/${file}`);
    await waitForScan(page);
    expect(await markCount(page)).toBe(0);
    const popup = await openPopup(context, serviceWorker, extensionId, page);
    await popup.getByRole('tab', { name: 'This page' }).click();
    await expect(popup.getByRole('tabpanel')).toContainText(sentence);
    // Kept with the test's results, to look at.
    await popup.screenshot({ path: test.info().outputPath(`popup-${file.replace('.html', '')}.png`) });
  });
}
