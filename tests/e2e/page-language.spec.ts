/**
 * Pages in the languages the talks are read in: a Ukrainian story whose template declares English and a Russian
 * one are marked, in their own words and forms (Україна, України; Кремлі). A page in a language the extension does
 * not read says so in the popup's "This page"; an English page that is not about the talks says that instead.
 */
import { cardText, expect, markCount, markPoint, openPopup, overlayHtml, screenshotForDocs, test, waitForCard, waitForMarks, waitForScan } from './fixtures';

// [page, a mark in an inflected form, the card's title: the name as the page's language writes it, the English name]
for (const [file, mark, title, english] of [
  ['ukrainian-story.html', /^України$/, 'Україна', 'Ukraine'],
  ['russian-story.html', /^Украины$/, 'Украина', 'Ukraine'],
  ['german-story.html', /^Putins$/, 'Putin', 'Vladimir Putin'],
  ['german-story.html', /^Selenskyj$/, 'Selenskyj', 'Volodymyr Zelensky'],
] as const) {
  test(`${file}: marked in its own language; the card of "${String(mark)}" is titled ${title}, context in English`, async ({ context, origin }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${origin}/tests/fixtures/pages/${file}`);
    await waitForMarks(page, 3);
    const point = await markPoint(page, mark);
    await page.mouse.move(point.x, point.y);
    await waitForCard(page, /context in English/);
    const html = (await overlayHtml(page))!;
    expect(html).toMatch(new RegExp(`<h2 id="nl-card-title" lang="(uk|ru|de)">${title}</h2>`));
    expect(await cardText(page)).toContain(`${english} · context in English`);
    if (file === 'ukrainian-story.html') await screenshotForDocs(page, 'card-ukrainian.png');
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
