import { describe, expect, it } from 'vitest';
import { CARD_GAP, COMPACT_SHARE, isOffScreen, placeCard, type Rect, type Side } from '../../src/overlay/placement';

const viewport = { width: 1200, height: 900 };
const mark = (top: number, left = 100, height = 20, width = 80): Rect => ({ top, left, bottom: top + height, right: left + width });

/** The card as it would be drawn: top, and the height it gets (its own, up to maxHeight). */
function drawn(anchor: Rect, card: { width: number; height: number }, view = viewport, expandedOn?: Side) {
  const p = placeCard(anchor, card, view, expandedOn);
  return { ...p, height: Math.min(card.height, p.maxHeight), bottom: p.top + Math.min(card.height, p.maxHeight) };
}

describe('placeCard', () => {
  it('puts the card below its mark when it fits', () => {
    const p = drawn(mark(100), { width: 400, height: 300 });
    expect(p.placement).toBe('below');
    expect(p.top).toBe(120 + CARD_GAP);
  });

  it('flips above when there is more room there', () => {
    const p = drawn(mark(800), { width: 400, height: 300 });
    expect(p.placement).toBe('above');
    expect(p.bottom).toBe(800 - CARD_GAP);
  });

  it('shifts left to stay inside the right edge', () => {
    const p = placeCard(mark(100, 1150), { width: 400, height: 300 }, viewport);
    expect(p.left + 400).toBe(viewport.width - CARD_GAP);
  });

  // A pinned card stays open while the page scrolls: its mark may be far above or below the window.
  it.each([
    ['above the window', mark(-1500), 'below'],
    ['partly above the window', mark(-10), 'below'],
    ['below the window', mark(2400), 'above'],
  ] as const)('stays inside the window when its mark is %s, compact or expanded', (_, anchor, side) => {
    const compact = drawn(anchor, { width: 400, height: 2000 });
    expect(compact.top).toBeGreaterThanOrEqual(CARD_GAP);
    expect(compact.bottom).toBeLessThanOrEqual(viewport.height - CARD_GAP);
    expect(compact.height).toBe(viewport.height * COMPACT_SHARE);
    const expanded = drawn(anchor, { width: 400, height: 2000 }, viewport, side);
    expect(expanded.top).toBeGreaterThanOrEqual(CARD_GAP);
    expect(expanded.bottom).toBeLessThanOrEqual(viewport.height - CARD_GAP);
    expect(expanded.height).toBeGreaterThan(viewport.height / 2);
  });

  it('opens compact: a tall card takes at most half the window, and chooses its side by that height', () => {
    // 500 px does not fit below a mark at 380 (500 px left), but half the window (450 px) does.
    const p = drawn(mark(380), { width: 440, height: 900 });
    expect(p.height).toBe(450);
    expect(p.placement).toBe('below');
    expect(p.top).toBe(400 + CARD_GAP);
  });

  it('expanded, it stays on the side it opened on and may take all the height there', () => {
    // Opened below a mark low in the window, where the compact card fitted, though there is more room above;
    // expanded, it does not jump to the other side of the mark (away from the pointer in it).
    const compact = drawn(mark(500), { width: 440, height: 300 });
    expect(compact.placement).toBe('below');
    const expanded = drawn(mark(500), { width: 440, height: 1200 }, viewport, compact.placement);
    expect(expanded.placement).toBe('below');
    expect(expanded.top).toBe(compact.top);
    expect(expanded.bottom).toBe(viewport.height - CARD_GAP);
    // Opened above, it grows upwards from the same bottom edge.
    const above = drawn(mark(800), { width: 440, height: 300 });
    expect(above.placement).toBe('above');
    const grown = drawn(mark(800), { width: 440, height: 1200 }, viewport, above.placement);
    expect(grown.bottom).toBe(above.bottom);
    expect(grown.height).toBeGreaterThan(above.height);
  });

  it('never grows taller than a tiny window', () => {
    const tiny = { width: 360, height: 130 };
    const p = drawn(mark(60, 20), { width: 400, height: 600 }, tiny);
    expect(p.top).toBeGreaterThanOrEqual(CARD_GAP);
    expect(p.bottom).toBeLessThanOrEqual(tiny.height - CARD_GAP);
  });
});

describe('isOffScreen', () => {
  it.each([
    [mark(-40), true],
    [mark(-10), false],
    [mark(400), false],
    [mark(900), true],
    [mark(400, -200), true],
  ])('%o → %s', (anchor, expected) => {
    expect(isOffScreen(anchor, viewport)).toBe(expected);
  });
});
