/**
 * A card's body, rendered once in the background and sent to the page as plain data. The content script turns it
 * back into Preact elements with a few lines (`fromMarkup`), so the components that draw a card's facts
 * (src/ui/CardBody.tsx, src/ui/facts.tsx) stay out of the script that runs on every page (its size budget:
 * docs/decisions.md, 15). The popup renders the same components directly.
 *
 * An element is `[tag, attributes, ...children]`, a text is a string. Attributes are the props as written in the
 * components, minus functions: a button that must act on the page says what it does in `data-action`, and the
 * card handles that one click for the whole body.
 */
import type { CardModel } from '../cards/card-model';
import { h, type ComponentChild, type ComponentChildren, type FunctionComponent, type VNode } from 'preact';

/** The `data-action` of the button that goes to a topic's earlier positions. */
export const SHOW_EARLIER = 'show-earlier';

/** A card as the background sends it: its model (title, kind, freshness) and its body, rendered. */
export interface RenderedCard {
  model: CardModel;
  body: Markup[];
}

export type Markup = string | MarkupElement;
export type MarkupElement = [tag: string, attributes: Record<string, string | number | boolean>, ...children: Markup[]];

/** Renders components to markup: function components are called, fragments flattened, functions and empty props dropped. */
export function toMarkup(node: ComponentChildren): Markup[] {
  if (node === null || node === undefined || typeof node === 'boolean') return [];
  if (Array.isArray(node)) return node.flatMap(toMarkup);
  if (typeof node !== 'object') return [String(node)];
  const { type, props } = node as VNode<{ children?: ComponentChildren } & Record<string, unknown>>;
  if (typeof type === 'function') return toMarkup((type as FunctionComponent<typeof props>)(props) as ComponentChildren);
  const attributes: MarkupElement[1] = {};
  for (const [name, value] of Object.entries(props)) {
    if (name !== 'children' && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) attributes[name] = value;
  }
  return [[type, attributes, ...toMarkup(props.children)]];
}

/**
 * Markup back into elements. It comes from our own background, but an attribute that would run code on the page
 * (`on…`) or write raw HTML is dropped all the same: only text and plain attributes reach the card.
 */
export function fromMarkup(markup: Markup): ComponentChild {
  if (typeof markup === 'string') return markup;
  const [tag, attributes, ...children] = markup;
  const props: Record<string, unknown> = {};
  for (const name in attributes) if (!/^(on|dangerously)/i.test(name)) props[name] = attributes[name];
  return h(tag, props, ...children.map(fromMarkup));
}
