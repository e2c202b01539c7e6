import { describe, expect, it } from 'vitest';
import { CARD_GAP, isOffScreen, placeCard, type Rect } from '../../src/overlay/placement';

const viewport = { width: 1200, height: 900 };
const mark = (top: number, left = 100, height = 20, width = 80): Rect => ({ top, left, bottom: top + height, right: left + width });

/** The card as it would be drawn: top, and the height it gets (its own, up to maxHeight). */
function drawn(anchor: Rect, card: { width: number; height: number }, view = viewport) {
  const p = placeCard(anchor, card, view);
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
    ['above the window', mark(-1500)],
    ['partly above the window', mark(-10)],
    ['below the window', mark(2400)],
  ])('stays inside the window when its mark is %s', (_, anchor) => {
    const p = drawn(anchor, { width: 400, height: 2000 });
    expect(p.top).toBeGreaterThanOrEqual(CARD_GAP);
    expect(p.bottom).toBeLessThanOrEqual(viewport.height - CARD_GAP);
    expect(p.height).toBeGreaterThan(viewport.height / 2);
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
