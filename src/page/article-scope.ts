/**
 * Calm marking reads the article, not the page around it. This module finds the article on a page and tells, for a
 * paragraph, whether it is article text and which section of the article it belongs to:
 * - the article is the page's `[itemprop=articleBody]`, its one `<article>` (or the biggest, or the container of a
 *   live blog's many), its `<main>`, or else the element that holds most of its paragraphs; failing all of those,
 *   the whole body, less its chrome;
 * - chrome is what a page puts around its stories: navigation, headers and the headline, footers, asides, bylines,
 *   datelines, credits and related-story lists;
 * - a section runs from one `<h2>`/`<h3>` subheading of the article to the next. Headings inside a list item or a
 *   nested `<article>` (a live blog's updates) do not start sections: a live blog is one long section.
 * It only reads the DOM. Answers are remembered until `forget()`, called when the page changes.
 */

const CHROME =
  'nav,header,footer,aside,h1,[role=navigation],[role=banner],[role=contentinfo],[role=complementary],[rel=author],' +
  '[class*=byline],[class*=dateline],[class*=masthead],[class*=kicker],[class*=credit],[class*=related],[class*=breadcrumb]';

/** Node.compareDocumentPosition: the other node precedes this one. */
const PRECEDING = 2;

export class ArticleScope {
  readonly #body: () => Element | null;
  #root: Element | null = null;
  #headings: Element[] | null = null;
  /** Per element: is it (or an ancestor up to the article) chrome; per paragraph: its section. */
  #chrome = new Map<Element, boolean>();
  #sections = new Map<Element, Element>();

  constructor(body: () => Element | null) {
    this.#body = body;
  }

  /** The article's element; found again if the page took it away. */
  get root(): Element | null {
    if (!this.#root?.isConnected) {
      const body = this.#body();
      this.#root = body && findArticle(body);
      this.forget();
    }
    return this.#root;
  }

  /** The page changed: chrome and sections are looked up afresh (the article too, if it left the page). */
  forget(): void {
    this.#headings = null;
    this.#chrome.clear();
    this.#sections.clear();
  }

  /** Is the text of `node` that ends at `end` the article's own, not chrome and not a dateline? */
  isArticleText(node: Text, end: number): boolean {
    const root = this.root;
    const parent = node.parentElement;
    if (!root || !parent || !root.contains(parent)) return false;
    let chrome = this.#chrome.get(parent);
    if (chrome === undefined) {
      const outer = parent.closest(CHROME);
      chrome = outer !== null && root.contains(outer);
      this.#chrome.set(parent, chrome);
    }
    return !chrome && !(end < 90 && end <= (DATELINE.exec(node.data.slice(0, 90))?.[0].length ?? 0));
  }

  /** The section heading a paragraph comes under, or the article itself before the first one. */
  sectionOf(block: Element): Element | null {
    const root = this.root;
    if (!root) return null;
    let section = this.#sections.get(block);
    if (!section) {
      this.#headings ??= [...root.querySelectorAll('h2,h3')].filter((heading) => {
        const update = heading.parentElement!.closest('li,article');
        return !update || update === root || !root.contains(update);
      });
      const headings = this.#headings;
      // The last heading at or before the paragraph, by bisection in document order.
      let low = 0;
      let high = headings.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        const heading = headings[middle]!;
        if (heading === block || heading.contains(block) || block.compareDocumentPosition(heading) & PRECEDING) low = middle + 1;
        else high = middle;
      }
      section = headings[low - 1] ?? root;
      this.#sections.set(block, section);
    }
    return section;
  }
}

/**
 * A wire dateline at the start of a paragraph: a place in capitals, perhaps a region or a date, perhaps the agency,
 * then a dash ("ABU DHABI (Reuters) —", "KYIV, Ukraine (AP) —", "RIYADH, Feb 18 (Wire) -"). A dateline in an
 * element of its own is chrome already.
 */
const DATELINE = /^[A-Z][A-Z .'’-]+(,[^(—–]{1,30})?\s*(\([^)]{1,40}\)\s*)?[—–-]/;
/** The element that holds the article's text (see the module comment). */
export function findArticle(body: Element): Element {
  const tagged = body.querySelector('[itemprop=articleBody]');
  if (tagged) return tagged;
  const paragraphs = (el: Element) => el.querySelectorAll('p').length;
  const articles = [...body.querySelectorAll('article')].filter((a) => !a.parentElement?.closest('article'));
  if (articles.length > 0) {
    let biggest = articles[0]!;
    let most = -1;
    let total = 0;
    for (const article of articles) {
      const count = paragraphs(article);
      total += count;
      if (count > most) [biggest, most] = [article, count];
    }
    // One story among teasers; or a live blog, whose updates are articles of about the same size.
    if (articles.length === 1 || most * 2 >= total) return biggest;
    let common: Element | null = articles[0]!.parentElement;
    while (common && !articles.every((a) => common!.contains(a))) common = common.parentElement;
    return common ?? body;
  }
  const main = body.querySelector('main,[role=main]');
  if (main) return main;
  // No markup says where the story is: the element with most of the page's paragraphs, if one has most.
  const perParent = new Map<Element, number>();
  let all = 0;
  for (const p of body.querySelectorAll('p')) {
    if (!p.parentElement) continue;
    perParent.set(p.parentElement, (perParent.get(p.parentElement) ?? 0) + 1);
    all++;
  }
  let densest: Element = body;
  let count = 0;
  for (const [parent, n] of perParent) if (n > count) [densest, count] = [parent, n];
  return count >= 3 && count * 2 >= all ? densest : body;
}
