/**
 * The cards that matter most, as a reader sees them with the bundled pack: each shows its latest status or role
 * from the pack, with its freshness, and fits in half of a 1280 × 900 window. `npm run screenshots` keeps a
 * picture of each in docs/ for review.
 */
import { readFileSync } from 'node:fs';
import { expect, markPoint, overlayBox, overlayScroll, screenshotForDocs, test, waitForCard, waitForMarks } from './fixtures';

/** A card opens compact: at most half of the window's height (here 900 px), with the rest behind "More". */
const MAX_CARD_HEIGHT = 450;

interface PackFacts {
  meta: { asOf: string };
  topics: { id: string; name: string; status: { text: string } }[];
  actors: { id: string; name: string; roles: { title: string; start?: string; end?: string }[] }[];
}
const pack = JSON.parse(readFileSync('data/pack.json', 'utf8')) as PackFacts;
const roleAsOf = (id: string) => {
  const actor = pack.actors.find((a) => a.id === id)!;
  return [...actor.roles].reverse().find((r) => (r.start ?? '') <= pack.meta.asOf)!.title;
};
const statusOf = (id: string) => pack.topics.find((t) => t.id === id)!.status.text;

// [the mark, the card's id, what the card must say: the topic's status, or the person's role as of the pack's date]
const CARDS: [RegExp, string, string][] = [
  [/^coalition of the willing$/, 'security-guarantees', statusOf('security-guarantees')],
  // The demo's first mention of it, the one marked in its section, is the standfirst's "30-day truce".
  [/^30-day ceasefire$|^truce$/, 'ceasefire-proposals', statusOf('ceasefire-proposals')],
  [/^minerals deal$/, 'minerals-deal', statusOf('minerals-deal')],
  [/^Volodymyr Zelensky$|^Zelensky$/, 'zelensky', roleAsOf('zelensky')],
  [/^Putin$|^Vladimir Putin$/, 'putin', roleAsOf('putin')],
  [/^Trump$|^Donald Trump$/, 'trump', roleAsOf('trump')],
];

for (const [mark, id, says] of CARDS) {
  test(`the ${id} card shows what the pack says as of its date, how fresh it is, and fits in half the window`, async ({ context, origin }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${origin}/demo/article.html`);
    await waitForMarks(page, 10);
    const point = await markPoint(page, mark);
    await page.mouse.move(point.x, point.y);
    const text = await waitForCard(page, /Latest (position|status|event):/);
    expect(text).toContain(says.replace(/\s+/g, ' ').slice(0, 60));
    const box = await overlayBox(page, '[role="dialog"]');
    test.info().annotations.push({ type: 'card height', description: `${id}: ${Math.round(box!.height)} px` });
    expect(box!.height).toBeLessThanOrEqual(MAX_CARD_HEIGHT);
    // Its essentials fit: the compact card does not scroll.
    const scroll = (await overlayScroll(page, '[role="dialog"]'))!;
    expect(scroll.scrollHeight).toBeLessThanOrEqual(scroll.clientHeight + 1);
    await screenshotForDocs(page, `card-${id}.png`);
  });
}
