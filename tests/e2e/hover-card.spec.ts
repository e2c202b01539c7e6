import { cardText, expect, markPoint, screenshotForDocs, test, waitForCard, waitForMarks } from './fixtures';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    test('hovering a mark shows its card, which stays open while the pointer moves into it', async ({ context, origin }) => {
      const page = await context.newPage();
      await page.goto(`${origin}/tests/fixtures/pages/wire-story.html`);
      await waitForMarks(page, 3);
      const point = await markPoint(page, /Lavrov/);
      await page.mouse.move(point.x, point.y);
      const text = await waitForCard(page, /Lavrov/);
      expect(text).toContain('Foreign Minister');
      expect(text).toContain('As of');
      await screenshotForDocs(page, `card-${colorScheme}.png`);
      expect(await cardText(page)).not.toBeNull();
    });
  });
}
