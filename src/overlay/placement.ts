/** Where a card goes: below its mark, above if it does not fit, shifted sideways to stay on screen. Pure. */

export const CARD_MAX_WIDTH = 400;
/** Gap between the mark and the card, and the card and the viewport edge. */
export const CARD_GAP = 8;

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function placeCard(anchor: Rect, card: { width: number; height: number }, viewport: { width: number; height: number }) {
  const width = Math.min(card.width, viewport.width - 2 * CARD_GAP);
  const spaceBelow = viewport.height - anchor.bottom - CARD_GAP;
  const spaceAbove = anchor.top - CARD_GAP;
  const below = card.height <= spaceBelow - CARD_GAP || spaceBelow >= spaceAbove;
  const maxHeight = Math.max(120, (below ? spaceBelow : spaceAbove) - CARD_GAP);
  const height = Math.min(card.height, maxHeight);
  const top = below ? anchor.bottom + CARD_GAP : anchor.top - CARD_GAP - height;
  const left = Math.min(Math.max(CARD_GAP, anchor.left), viewport.width - CARD_GAP - width);
  return { left: Math.round(left), top: Math.round(Math.max(CARD_GAP, top)), maxHeight: Math.round(maxHeight), placement: below ? ('below' as const) : ('above' as const) };
}
