/**
 * Where the article is on a page, and which text around it is chrome (src/page/article-scope.ts), on small pages
 * written for each rule.
 */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { ArticleScope, findArticle } from '../../src/page/article-scope';

function page(body: string): Document {
  const window = new Window({ url: 'http://127.0.0.1/', settings: { disableJavaScriptEvaluation: true } });
  const parsed = new window.DOMParser().parseFromString(`<body>${body}</body>`, 'text/html');
  window.document.body.replaceWith(window.document.importNode(parsed.body, true));
  return window.document as unknown as Document;
}
const paragraphs = (n: number, text = 'Text.') => `<p>${text}</p>`.repeat(n);

describe('findArticle', () => {
  it.each([
    ['the element marked as the article body', `<div id="x" itemprop="articleBody">${paragraphs(2)}</div><article>${paragraphs(5)}</article>`],
    ['the one <article>', `<nav>${paragraphs(3)}</nav><article id="x">${paragraphs(2)}</article>`],
    ['the biggest <article> among teasers', `<article id="x">${paragraphs(8)}</article><aside><article>${paragraphs(1)}</article><article>${paragraphs(1)}</article></aside>`],
    ['the container of a live blog\'s updates', `<header>Site</header><div id="x"><article>${paragraphs(2)}</article><article>${paragraphs(2)}</article><article>${paragraphs(2)}</article></div>`],
    ['<main> when there is no <article>', `<nav>${paragraphs(4)}</nav><main id="x">${paragraphs(2)}</main>`],
    ['the element with most of the paragraphs', `<div>${paragraphs(1)}</div><div id="x">${paragraphs(6)}</div><div>${paragraphs(2)}</div>`],
  ])('finds %s', (_, body) => {
    const doc = page(body);
    expect(findArticle(doc.body).id).toBe('x');
  });

  it('falls back to the whole body when no element holds most paragraphs', () => {
    const doc = page(`<div>${paragraphs(2)}</div><div>${paragraphs(2)}</div><div>${paragraphs(2)}</div>`);
    expect(findArticle(doc.body)).toBe(doc.body);
  });
});

describe('ArticleScope', () => {
  it.each([
    ['ABU DHABI (Reuters) — Talks ended.', 'ABU DHABI', false],
    ['KYIV, Ukraine (AP) — Talks ended.', 'Ukraine', false],
    ['RIYADH, Feb 18 (Meridian Wire) - Talks ended.', 'RIYADH', false],
    ['MOSCOW — The Kremlin said.', 'MOSCOW', false],
    ['MOSCOW — The Kremlin said.', 'Kremlin', true],
    ['NATO allies met in Brussels.', 'NATO', true],
    ['Officials in KYIV said (on Monday) — more.', 'KYIV', true],
  ])('in "%s", %s is article text: %s', (text, word, wanted) => {
    const doc = page(`<article><p>${text}</p></article>`);
    const node = doc.querySelector('p')!.firstChild as Text;
    const scope = new ArticleScope(() => doc.body);
    expect(scope.isArticleText(node, text.indexOf(word) + word.length)).toBe(wanted);
  });

  it('tells chrome inside and outside the article from its text', () => {
    const doc = page(
      '<nav><a>Ukraine</a></nav><article><header><h1>Head</h1><p class="story-byline">By</p></header><p id="body">Body</p>' +
        '<aside>Pull</aside><p class="photo-credit">Credit</p><footer>End</footer></article><div class="related-links">More</div>',
    );
    const scope = new ArticleScope(() => doc.body);
    const text = (selector: string) => {
      const el = doc.querySelector(selector)!;
      return scope.isArticleText(el.firstChild as Text, 1);
    };
    expect(['nav a', 'h1', '.story-byline', 'aside', '.photo-credit', 'footer', '.related-links'].filter(text)).toEqual([]);
    expect(text('#body')).toBe(true);
  });

  it('puts a paragraph under the last article subheading before it; headings inside list items start no section', () => {
    const doc = page('<article><p id="a">A</p><h2 id="one">One</h2><p id="b">B</p><ol><li><h2>Update</h2><p id="c">C</p></li></ol><h3 id="two">Two</h3><p id="d">D</p></article>');
    const scope = new ArticleScope(() => doc.body);
    const of = (id: string) => {
      const section = scope.sectionOf(doc.getElementById(id)!);
      return section?.id || section?.tagName;
    };
    expect(['a', 'b', 'c', 'd'].map(of)).toEqual(['ARTICLE', 'one', 'one', 'two']);
  });

  it('finds the article again when the page replaces it', () => {
    const doc = page(`<article id="old">${paragraphs(2)}</article>`);
    const scope = new ArticleScope(() => doc.body);
    expect(scope.root?.id).toBe('old');
    const fresh = doc.createElement('article');
    fresh.id = 'new';
    fresh.append(doc.createElement('p'), doc.createElement('p'));
    doc.body.replaceChildren(fresh);
    expect(scope.root?.id).toBe('new');
  });
});
