/**
 * The cards that matter most, as a reader sees them with the bundled pack: each shows its latest status or role
 * from the pack, with its freshness. `npm run screenshots` keeps a picture of each in docs/ for review.
 */
import { readFileSync } from 'node:fs';
import { expect, markPoint, screenshotForDocs, test, waitForCard, waitForMarks } from './fixtures';

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
  test(`the ${id} card shows what the pack says as of its date, and how fresh it is`, async ({ context, origin }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${origin}/demo/article.html`);
    await waitForMarks(page, 10);
    const point = await markPoint(page, mark);
    await page.mouse.move(point.x, point.y);
    const text = await waitForCard(page, /Latest (position|status|event):/);
    expect(text).toContain(says.replace(/\s+/g, ' ').slice(0, 60));
    await screenshotForDocs(page, `card-${id}.png`);
  });
}
