/**
 * The tone of the page where a mark is (src/page/page-tone.ts) and the colours it chooses between
 * (public/highlights.css): the WCAG contrast of the underline against the background, computed here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Highlighter, TONE_SUFFIXES, type HighlightApi } from '../../src/page/highlighter';
import { contrastRatio, createPageTone, DARK, DARK_BELOW, DARK_LUMA, IN_LINK, luminance, lumaOf, UNDERLINE_ON_DARK, UNDERLINE_ON_LIGHT } from '../../src/page/page-tone';

const hex = (colour: string) => [1, 3, 5].map((at) => parseInt(colour.slice(at, at + 2), 16));
const contrast = (a: string | number[], b: string | number[]) => contrastRatio(luminance(typeof a === 'string' ? hex(a) : a), luminance(typeof b === 'string' ? hex(b) : b));

/** A stand-in for the few DOM features the tone reads: elements with computed colours, a parent and a tag. */
interface FakeElement {
  tag: string;
  style: { color: string; backgroundColor: string };
  parentElement: FakeElement | null;
  closest(selector: string): FakeElement | null;
}
function element(tag: string, style: Partial<FakeElement['style']>, parent: FakeElement | null): FakeElement {
  const self: FakeElement = {
    tag,
    // Like a browser: colour inherits, a background does not (transparent unless set).
    style: { color: style.color ?? parent?.style.color ?? 'rgb(0, 0, 0)', backgroundColor: style.backgroundColor ?? 'rgba(0, 0, 0, 0)' },
    parentElement: parent,
    closest: (selector) => {
      expect(selector).toBe('a[href]');
      for (let at: FakeElement | null = self; at; at = at.parentElement) if (at.tag === 'a') return at;
      return null;
    },
  };
  return self;
}
const view = { getComputedStyle: (el: FakeElement) => el.style } as unknown as Window;
const textIn = (el: FakeElement) => ({ parentElement: el }) as unknown as Node;
const toneOf = (el: FakeElement) => createPageTone(view)(textIn(el));

/** The underline colours as highlights.css has them, per highlight name. */
function stylesheetColours(): Record<string, string> {
  const css = readFileSync('public/highlights.css', 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const colours: Record<string, string> = {};
  for (const [, selectors, body] of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const colour = /text-decoration-color:\s*(#[0-9a-f]{6})/.exec(body!)?.[1];
    if (!colour) continue;
    for (const [, name] of selectors!.matchAll(/::highlight\(([\w-]+)\)/g)) colours[name!] = colour;
  }
  return colours;
}

describe('contrast maths (WCAG 2)', () => {
  it('gives 21:1 for black on white and 1:1 for a colour on itself', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#777777')).toBe(1);
    expect(luminance([255, 255, 255])).toBeCloseTo(1, 10);
  });

  it('reproduces the figures of the old colours, which followed the system theme', () => {
    // Dark system theme on a white news site: the light blue dotted line.
    expect(contrast('#93c5fd', '#ffffff')).toBeCloseTo(1.8, 1);
    // Light system theme on a dark site (#121212): the dark blue one.
    expect(contrast('#1d4ed8', '#121212')).toBeCloseTo(2.8, 1);
  });
});

describe('underline colours', () => {
  it('highlights.css uses the colours the content script chooses between, per tone', () => {
    const colours = stylesheetColours();
    for (const suffix of TONE_SUFFIXES) {
      const expected = suffix.includes('dark') ? UNDERLINE_ON_DARK : UNDERLINE_ON_LIGHT;
      expect(colours[`negotiation-lens-underline${suffix}`], suffix || 'light').toBe(expected);
    }
  });

  it('reach at least 3:1 on white, black and common news backgrounds of their tone', () => {
    for (const light of ['#ffffff', '#fafafa', '#f5f0e6', '#fff1e5', '#e5e5e5']) expect(contrast(UNDERLINE_ON_LIGHT, light), light).toBeGreaterThanOrEqual(3);
    for (const dark of ['#000000', '#121212', '#1e1e1e', '#1a1a2e', '#262626', '#333333']) expect(contrast(UNDERLINE_ON_DARK, dark), dark).toBeGreaterThanOrEqual(3);
  });

  it('reach the same contrast at DARK_BELOW, and DARK_LUMA is the luma of that grey', () => {
    const onLight = contrastRatio(DARK_BELOW, luminance(hex(UNDERLINE_ON_LIGHT)));
    const onDark = contrastRatio(DARK_BELOW, luminance(hex(UNDERLINE_ON_DARK)));
    expect(Math.abs(onLight - onDark)).toBeLessThan(0.02);
    // The grey of luminance DARK_BELOW: the colour the content script compares luma with.
    const grey = [0, 1, 2].map(() => 137);
    expect(luminance(grey)).toBeCloseTo(DARK_BELOW, 2);
    expect(lumaOf('rgb(137, 137, 137)')[0]).toBeCloseTo(DARK_LUMA, 3);
  });
});

describe('the tone where a mark is', () => {
  it('reads rgb(), rgba(), oklch() and oklab() computed colours; another notation counts as transparent', () => {
    expect(lumaOf('rgb(255, 255, 255)')[0]).toBeCloseTo(1, 5);
    expect(lumaOf('rgba(0, 0, 0, 0.5)')).toEqual([0, 0.5]);
    expect(lumaOf('oklch(0.5 0 0)')[0]).toBeCloseTo(luminance([99, 99, 99]), 2);
    expect(lumaOf('oklab(0.9 0 0 / 0.4)')).toEqual([expect.closeTo(0.729, 3), 0.4]);
    expect(lumaOf('lab(20 0 0)')).toEqual([0, 0]);
    expect(lumaOf('color(srgb 1 1 1)')).toEqual([0, 0]);
    expect(lumaOf('')).toEqual([0, 0]);
  });

  it('is light on a white page and dark on a dark one, from the nearest painted background', () => {
    const lightBody = element('body', { backgroundColor: 'rgb(255, 255, 255)', color: 'rgb(29, 29, 29)' }, null);
    expect(toneOf(element('p', {}, element('article', {}, lightBody)))).toBe(0);
    const darkBody = element('body', { backgroundColor: 'rgb(18, 18, 18)', color: 'rgb(230, 230, 230)' }, null);
    expect(toneOf(element('p', {}, element('article', {}, darkBody)))).toBe(DARK);
    // A dark panel on a light page: the panel decides.
    const panel = element('aside', { backgroundColor: 'rgb(17, 24, 39)', color: 'rgb(249, 250, 251)' }, lightBody);
    expect(toneOf(element('p', {}, panel))).toBe(DARK);
  });

  it('lays translucent backgrounds over the ones behind them', () => {
    const dark = element('body', { backgroundColor: 'rgb(0, 0, 0)', color: 'rgb(255, 255, 255)' }, null);
    // 20% white over black is still dark; 90% white over black is light (and its text dark).
    expect(toneOf(element('p', { backgroundColor: 'rgba(255, 255, 255, 0.2)' }, dark))).toBe(DARK);
    expect(toneOf(element('p', { backgroundColor: 'rgba(255, 255, 255, 0.9)', color: 'rgb(0, 0, 0)' }, dark))).toBe(0);
  });

  it('tells the canvas from the text where no background is painted', () => {
    // No background anywhere and light text: a page that follows a dark system theme, on a dark canvas.
    expect(toneOf(element('p', {}, element('body', { color: 'rgb(240, 240, 240)' }, null)))).toBe(DARK);
    // ...and dark text: the usual white canvas.
    expect(toneOf(element('p', {}, element('body', { color: 'rgb(20, 20, 20)' }, null)))).toBe(0);
    // Half-transparent grey over the canvas: the canvas still counts for half.
    expect(toneOf(element('p', { backgroundColor: 'rgba(0, 0, 0, 0.5)', color: 'rgb(250, 250, 250)' }, element('body', {}, null)))).toBe(DARK);
  });

  it('reads backgrounds written in oklch(), and passes over a notation it does not read', () => {
    const page = element('body', { backgroundColor: 'rgb(255, 255, 255)', color: 'rgb(0, 0, 0)' }, null);
    // A utility-class site's dark panel, in OKLCH.
    expect(toneOf(element('p', { backgroundColor: 'oklch(0.145 0 0)', color: 'oklch(0.985 0 0)' }, page))).toBe(DARK);
    // lab() is not read: the white page behind decides.
    expect(toneOf(element('p', { backgroundColor: 'lab(10 0 0)' }, page))).toBe(0);
  });

  it('sets the link bit inside a link', () => {
    const body = element('body', { backgroundColor: 'rgb(255, 255, 255)' }, null);
    expect(toneOf(element('span', {}, element('a', { color: 'rgb(26, 13, 171)' }, element('p', {}, body))))).toBe(IN_LINK);
    const dark = element('body', { backgroundColor: 'rgb(20, 20, 20)', color: 'rgb(220, 220, 220)' }, null);
    expect(toneOf(element('a', { color: 'rgb(138, 180, 248)' }, dark))).toBe(DARK | IN_LINK);
  });

  it('reads each element once', () => {
    let reads = 0;
    const counting = { getComputedStyle: (el: FakeElement) => (reads++, el.style) } as unknown as Window;
    const tone = createPageTone(counting);
    const p = element('p', {}, element('body', { backgroundColor: 'rgb(255, 255, 255)' }, null));
    tone(textIn(p));
    const first = reads;
    tone(textIn(p));
    expect(reads).toBe(first);
  });

  it('chooses the underline with 3:1 or more on every background where one of the two has it', () => {
    let worst = Infinity;
    const steps = [0, 34, 68, 102, 119, 136, 153, 170, 187, 204, 221, 238, 255];
    for (const r of steps)
      for (const g of steps)
        for (const b of steps) {
          const background = [r, g, b];
          // The page's text: black or white, whichever it can read better on this background.
          const text = contrast(background, [0, 0, 0]) >= contrast(background, [255, 255, 255]) ? 'rgb(0, 0, 0)' : 'rgb(255, 255, 255)';
          const tone = toneOf(element('p', {}, element('body', { backgroundColor: `rgb(${r}, ${g}, ${b})`, color: text }, null)));
          const chosen = contrast(tone & DARK ? UNDERLINE_ON_DARK : UNDERLINE_ON_LIGHT, background);
          const best = Math.max(contrast(UNDERLINE_ON_DARK, background), contrast(UNDERLINE_ON_LIGHT, background));
          if (best >= 3) expect(chosen, `rgb(${r}, ${g}, ${b})`).toBeGreaterThanOrEqual(3);
          // Neither blue reaches 3:1 only on mid-tone backgrounds (greys from about #7a7a7a to #9a9a9a).
          else expect(luminance(background), `rgb(${r}, ${g}, ${b})`).toSatisfy((y: number) => y > 0.19 && y < 0.32);
          worst = Math.min(worst, chosen);
        }
    expect(worst).toBeGreaterThan(2.15);
  });
});

describe('Highlighter with tones', () => {
  class FakeHighlight extends Set<AbstractRange> {
    priority = 0;
  }
  const setup = (toneOf: (node: Node) => number) => {
    const registry = new Map<string, FakeHighlight>();
    const api: HighlightApi = { registry: registry as unknown as HighlightRegistry, create: () => new FakeHighlight() as unknown as Highlight };
    return { registry, highlighter: new Highlighter(api, 'underline', toneOf) };
  };
  const range = (node: object) => ({ startContainer: node }) as unknown as AbstractRange;

  it('puts each mark in the highlight of its tone, and takes every name away on detach', () => {
    const tones = new Map<object, number>();
    const { registry, highlighter } = setup((node) => tones.get(node) ?? 0);
    const [light, dark, link, darkLink] = [0, DARK, IN_LINK, DARK | IN_LINK].map((tone) => {
      const node = {};
      tones.set(node, tone);
      return range(node);
    });
    for (const mark of [light, dark, link, darkLink]) highlighter.add(mark!);
    expect([...registry.keys()].sort()).toEqual(['negotiation-lens-underline', 'negotiation-lens-underline-dark', 'negotiation-lens-underline-dark-link', 'negotiation-lens-underline-link']);
    expect(registry.get('negotiation-lens-underline-dark')!.has(dark!)).toBe(true);
    expect(registry.get('negotiation-lens-underline-dark-link')!.has(darkLink!)).toBe(true);

    highlighter.setActive(dark!);
    expect(registry.get('negotiation-lens-active')!.has(dark!)).toBe(true);
    highlighter.setStyle('background');
    expect([...registry.keys()].filter((name) => name.includes('underline'))).toEqual([]);
    expect(registry.get('negotiation-lens-background-link')!.has(link!)).toBe(true);

    highlighter.delete(link!);
    expect(registry.get('negotiation-lens-background-link')!.size).toBe(0);
    highlighter.detach();
    expect(registry.size).toBe(0);
  });
});
