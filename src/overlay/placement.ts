/** Where a card goes: below its mark, above if it does not fit, shifted sideways to stay on screen. Pure. */

export const CARD_MAX_WIDTH = 440;
/** Gap between the mark and the card, and the card and the viewport edge. */
export const CARD_GAP = 8;
/** The card gets at least this much height where the window allows, even if it then covers its mark. */
export const MIN_CARD_HEIGHT = 120;
/** A card opens compact, in at most this share of the window's height; "More" lets it take what its side has. */
export const COMPACT_SHARE = 0.5;

export type Side = 'below' | 'above';

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Is the anchor wholly outside the viewport (scrolled away)? */
export function isOffScreen(anchor: Rect, viewport: { width: number; height: number }): boolean {
  return anchor.bottom <= 0 || anchor.top >= viewport.height || anchor.right <= 0 || anchor.left >= viewport.width;
}

/**
 * `expandedOn`: the side an expanded card opened on. It stays there, so "More" grows the card in place rather than
 * moving it to the other side of its mark, and it may take all the height that side has.
 */
export function placeCard(anchor: Rect, card: { width: number; height: number }, viewport: { width: number; height: number }, expandedOn?: Side) {
  const width = Math.min(card.width, viewport.width - 2 * CARD_GAP);
  // A mark scrolled partly or wholly out of view (a pinned card stays open): measure the space inside the viewport
  // only, so the card never grows taller than the window.
  const anchorTop = Math.min(Math.max(anchor.top, 0), viewport.height);
  const anchorBottom = Math.min(Math.max(anchor.bottom, 0), viewport.height);
  const spaceBelow = viewport.height - anchorBottom - CARD_GAP;
  const spaceAbove = anchorTop - CARD_GAP;
  const share = expandedOn ? Infinity : viewport.height * COMPACT_SHARE;
  const below = expandedOn ? expandedOn === 'below' : Math.min(card.height, share) <= spaceBelow - CARD_GAP || spaceBelow >= spaceAbove;
  // At least a readable height, but never more than the window: in a tiny window the card may cover its mark.
  const maxHeight = Math.min(Math.max(MIN_CARD_HEIGHT, (below ? spaceBelow : spaceAbove) - CARD_GAP), viewport.height - 2 * CARD_GAP, share);
  const height = Math.min(card.height, maxHeight);
  const wanted = below ? anchorBottom + CARD_GAP : anchorTop - CARD_GAP - height;
  const top = Math.max(CARD_GAP, Math.min(wanted, viewport.height - CARD_GAP - height));
  const left = Math.min(Math.max(CARD_GAP, anchor.left), viewport.width - CARD_GAP - width);
  return { left: Math.round(left), top: Math.round(top), maxHeight: Math.round(maxHeight), placement: (below ? 'below' : 'above') as Side };
}
