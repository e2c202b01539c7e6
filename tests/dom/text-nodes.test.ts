/**
 * The text-node cursor: which text a scan reads, in which order, and how it steps over excluded regions (code,
 * forms, editable and hidden areas) found by one query, including regions that appear while a scan is paused.
 */
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { EXCLUDED_SELECTOR, EXCLUDED_TAGS, TextNodeCursor, isExcludedElement } from '../../src/page/text-nodes';

const open: Window[] = [];
afterEach(async () => {
  for (const w of open.splice(0)) {
    await w.happyDOM.abort();
    w.close();
  }
});

function body(html: string): HTMLElement {
  const window = new Window();
  open.push(window);
  const parsed = new window.DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const target = window.document.body;
  for (const node of [...parsed.body.childNodes]) target.appendChild(window.document.importNode(node, true));
  return target as unknown as HTMLElement;
}

/** Every text the cursor gives, trimmed, blanks left out. */
function read(cursor: TextNodeCursor, limit = Infinity): string[] {
  const out: string[] = [];
  for (let node = cursor.next(); node && out.length < limit; node = out.length < limit ? cursor.next() : null) {
    const text = node.data.trim();
    if (text) out.push(text);
  }
  return out;
}

describe('TextNodeCursor', () => {
  it('reads text in document order and steps over every kind of excluded region', () => {
    const root = body(`
      <p>one <b>two</b></p>
      <pre>skip pre <span>deep</span></pre>
      <p>three <code>skip code</code> four</p>
      <form><label>skip label</label><input value="x"></form>
      <div contenteditable="true"><p>skip editable</p></div>
      <div contenteditable="false">five</div>
      <p hidden>skip hidden</p>
      <textarea>skip textarea</textarea>
      <p>six<svg><text>skip svg</text></svg>seven</p>`);
    expect(read(new TextNodeCursor(root))).toEqual(['one', 'two', 'three', 'four', 'five', 'six', 'seven']);
  });

  it('handles regions without text, next to each other and nested', () => {
    const root = body('<p>a<input><input><code><kbd>x</kbd>y</code>b</p><pre><code>z</code></pre><p>c</p><button></button>');
    expect(read(new TextNodeCursor(root))).toEqual(['a', 'b', 'c']);
  });

  it('gives nothing for an excluded root and the text itself for a text root', () => {
    const root = body('<pre>code</pre><p>text</p>');
    expect(read(new TextNodeCursor(root.firstChild!))).toEqual([]);
    expect(read(new TextNodeCursor(root.lastChild!.firstChild!))).toEqual(['text']);
  });

  it('steps over a region that appeared while the scan was paused, once told to forget', () => {
    const root = body('<p>one</p><p>two</p><div id="later"><p>three</p></div><p>four</p>');
    const cursor = new TextNodeCursor(root);
    expect(read(cursor, 1)).toEqual(['one']);
    root.querySelector('#later')!.setAttribute('contenteditable', 'true');
    cursor.forget();
    expect(read(cursor)).toEqual(['two', 'four']);
  });

  it('leaves a region it stands in when that region became excluded', () => {
    const root = body('<div id="box"><p>one</p><p>two</p><p>three</p></div><p>four</p>');
    const cursor = new TextNodeCursor(root);
    expect(read(cursor, 1)).toEqual(['one']);
    root.querySelector('#box')!.setAttribute('hidden', '');
    cursor.forget();
    expect(read(cursor)).toEqual(['four']);
  });

  it('after leaving a region it stood in, still steps over nested regions further on', () => {
    const root = body('<div id="box"><p>one</p><p>two</p></div><pre>skip <code>nested</code> pre</pre><p>three</p><code>skip code</code><p>four</p>');
    const cursor = new TextNodeCursor(root);
    expect(read(cursor, 1)).toEqual(['one']);
    root.querySelector('#box')!.setAttribute('contenteditable', 'true');
    cursor.forget();
    expect(read(cursor)).toEqual(['three', 'four']);
  });

  it('starts again from the root when the page removed the part it stood in, and says so', () => {
    const root = body('<div id="app"><p>one</p><p>two</p></div>');
    const cursor = new TextNodeCursor(root);
    expect(read(cursor, 1)).toEqual(['one']);
    expect(cursor.givesEachNodeOnce).toBe(true);
    const app = root.querySelector('#app')!;
    app.replaceWith(app.cloneNode(true));
    cursor.resume();
    expect(cursor.givesEachNodeOnce).toBe(false);
    expect(read(cursor)).toEqual(['one', 'two']);
  });

  it('the selector finds exactly the elements isExcludedElement names', () => {
    const tags = [...new Set([...EXCLUDED_TAGS].map((t) => t.toLowerCase()))].filter((t) => !['head', 'title'].includes(t));
    const root = body(
      `${tags.map((t) => `<${t}></${t}>`).join('')}<p hidden></p><p contenteditable></p><p contenteditable="plaintext-only"></p><p contenteditable="false"></p><p></p><span></span>`,
    );
    const all = [...root.querySelectorAll('*')];
    const bySelector = new Set(root.querySelectorAll(EXCLUDED_SELECTOR));
    for (const el of all) expect(bySelector.has(el), el.localName).toBe(isExcludedElement(el));
    expect(bySelector.size).toBeGreaterThan(tags.length);
  });
});

describe('TextNodeCursor when the page moves the node it stands on', () => {
  it.each([
    ['to the end', (root: HTMLElement, p: Element) => root.append(p), ['one', 'three', 'two']],
    ['to the start', (root: HTMLElement, p: Element) => root.prepend(p), ['two', 'one', 'three']],
  ])('moved %s: it starts again from the root, and says that nodes may come twice', (_, move, after) => {
    const root = body('<p>one</p><p id="b">two</p><p>three</p>');
    const cursor = new TextNodeCursor(root);
    expect(read(cursor, 2)).toEqual(['one', 'two']);
    const b = root.querySelector('#b')!;
    move(root, b);
    // What PageLens does: it tells every cursor what was removed, and resumes the cursor after the pause.
    cursor.removed(b);
    cursor.resume();
    expect(cursor.givesEachNodeOnce).toBe(false);
    expect(read(cursor)).toEqual(after);
  });

  it('a removal elsewhere does not restart it, but it no longer promises each node once (the node may be put back ahead)', () => {
    const root = body('<p>one</p><p>two</p><p id="c">three</p><p>four</p>');
    const cursor = new TextNodeCursor(root);
    expect(read(cursor, 2)).toEqual(['one', 'two']);
    const c = root.querySelector('#c')!;
    c.remove();
    cursor.removed(c);
    expect(cursor.resume()).toBe(false);
    expect(cursor.givesEachNodeOnce).toBe(false);
    expect(read(cursor)).toEqual(['four']);
  });
});

describe('XHTML documents (tag names in lower case)', () => {
  // happy-dom upper-cases tag names even in XML documents, so the elements here are stand-ins with a tagName as
  // Chromium gives it for XHTML served as application/xhtml+xml.
  const element = (tagName: string) => ({ tagName, hasAttribute: () => false, getAttribute: () => null }) as unknown as Element;

  it.each(['pre', 'code', 'textarea', 'script', 'form'])('<%s> is excluded there too', (tag) => {
    expect(isExcludedElement(element(tag))).toBe(true);
  });

  it.each(['p', 'span', 'article'])('<%s> is not', (tag) => {
    expect(isExcludedElement(element(tag))).toBe(false);
  });
});
