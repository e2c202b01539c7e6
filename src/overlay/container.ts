/**
 * The one owner of our UI on a page: one host element, a closed shadow root, our styles inside it, and a Preact
 * root. Components never touch the page or `attachShadow`; this class is the only place that does. The styles
 * are given with `setStyles` before the first render (the content script fetches them; see getCardFrame).
 *
 * The host is created on first use, so a page where no card is ever opened stays exactly as it was.
 */
import { render, type ComponentChild } from 'preact';
import { OVERLAY_HOST_ATTRIBUTE } from './host-attribute';

/** Inline `!important` beats any page rule, `all: initial !important` included. */
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  top: '0',
  left: '0',
  width: '0',
  height: '0',
  overflow: 'visible',
  'z-index': '2147483647',
  display: 'block',
  contain: 'layout style',
};

export class OverlayContainer {
  #host: HTMLElement | null = null;
  #mountPoint: HTMLElement | null = null;
  #style: HTMLStyleElement | null = null;
  #css = '';

  readonly #document: Document;

  constructor(document: Document) {
    this.#document = document;
  }

  setStyles(css: string): void {
    this.#css = css;
    if (this.#style) this.#style.textContent = css;
  }

  /** Is this node our host (events and mutations from it are ours, not the page's)? */
  owns(node: EventTarget | null): boolean {
    return node !== null && node === this.#host;
  }

  /** Renders synchronously, and returns the rendered root element so the caller can measure or focus it. */
  render(ui: ComponentChild): HTMLElement | null {
    const mountPoint = this.#ensureMounted();
    render(ui, mountPoint);
    return mountPoint.firstElementChild as HTMLElement | null;
  }

  #ensureMounted(): HTMLElement {
    if (this.#host?.isConnected && this.#mountPoint) return this.#mountPoint;
    // A plain `div`, not a custom element: a page can define any custom element name before we use it, and its
    // class would then run on our host (attach its own shadow root, remove itself). Built-in elements cannot be
    // taken over that way. The attribute tells the scanner and the mutation filter that the host is ours.
    const host = this.#document.createElement('div');
    host.setAttribute(OVERLAY_HOST_ATTRIBUTE, '');
    for (const [property, value] of Object.entries(HOST_STYLE)) host.style.setProperty(property, value, 'important');
    // Closed: page scripts cannot reach into the card through `host.shadowRoot`.
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = this.#document.createElement('style');
    style.textContent = this.#css;
    const mountPoint = this.#document.createElement('div');
    mountPoint.className = 'root';
    shadow.append(style, mountPoint);
    this.#document.documentElement.append(host);
    this.#host = host;
    this.#mountPoint = mountPoint;
    this.#style = style;
    return mountPoint;
  }

  /** Empties our UI but keeps the host; does nothing if nothing was ever mounted (or the page removed the host). */
  clear(): void {
    if (this.#host?.isConnected && this.#mountPoint) render(null, this.#mountPoint);
  }

  /** Unmounts the UI and removes the host: the page's DOM is back to what it was. */
  destroy(): void {
    if (this.#mountPoint) render(null, this.#mountPoint);
    this.#host?.remove();
    this.#host = null;
    this.#mountPoint = null;
    this.#style = null;
  }
}
