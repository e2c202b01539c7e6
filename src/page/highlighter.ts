/**
 * Paints marks with the CSS Custom Highlight API: ranges are registered by name, and `highlights.css` (listed in
 * the manifest) styles them. No element is added to the page and no page text changes.
 *
 * The registry is shared with the page's own scripts, which can read, replace or clear our entries (see
 * docs/security.md). Names are registered only once there is something to paint, so a page that is not about
 * the talks cannot tell from the registry that the extension is installed. `ensureRegistered` puts ours back
 * after every batch, so a page that clears the registry loses the marks at most until its next change.
 */
import type { Settings } from '../settings/settings';

export const HIGHLIGHT_NAMES = {
  underline: 'negotiation-lens-underline',
  background: 'negotiation-lens-background',
  active: 'negotiation-lens-active',
} as const;

export interface HighlightApi {
  registry: HighlightRegistry;
  create(): Highlight;
}

/** The browser's API, or null where the Custom Highlight API is missing (then the extension marks nothing). */
export function browserHighlightApi(): HighlightApi | null {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function') return null;
  return { registry: CSS.highlights, create: () => new Highlight() };
}

export class Highlighter {
  readonly #marks: Highlight;
  readonly #active: Highlight;
  #name: string | null;

  readonly #api: HighlightApi;

  constructor(api: HighlightApi, style: Settings['highlightStyle']) {
    this.#api = api;
    this.#marks = api.create();
    this.#active = api.create();
    // The active mark (the one whose card is open, or reached by keyboard) paints above the others.
    this.#active.priority = 1;
    this.#name = null;
    this.setStyle(style);
  }

  setStyle(style: Settings['highlightStyle']): void {
    if (this.#name && this.#api.registry.get(this.#name) === this.#marks) this.#api.registry.delete(this.#name);
    this.#name = style === 'none' ? null : HIGHLIGHT_NAMES[style];
    this.ensureRegistered();
  }

  add(range: AbstractRange): void {
    this.#marks.add(range);
    if (this.#marks.size === 1) this.ensureRegistered();
  }

  /** `keepActive`: the mark is only far from the viewport now; if its card is open, it stays marked as active. */
  delete(range: AbstractRange, keepActive = false): void {
    this.#marks.delete(range);
    if (!keepActive) this.#active.delete(range);
  }

  setActive(range: AbstractRange | null): void {
    this.#active.clear();
    if (range) this.#active.add(range);
    this.ensureRegistered();
  }

  clear(): void {
    this.#marks.clear();
    this.#active.clear();
  }

  /** Puts our highlights back if the page removed or replaced them in the shared registry. */
  ensureRegistered(): void {
    const { registry } = this.#api;
    if (this.#name && this.#marks.size > 0 && registry.get(this.#name) !== this.#marks) registry.set(this.#name, this.#marks);
    if (this.#active.size > 0 && registry.get(HIGHLIGHT_NAMES.active) !== this.#active) registry.set(HIGHLIGHT_NAMES.active, this.#active);
  }

  /** Removes everything we registered: the extension is switched off for this page or is going away. */
  detach(): void {
    this.clear();
    for (const name of Object.values(HIGHLIGHT_NAMES)) {
      const current = this.#api.registry.get(name);
      if (current === this.#marks || current === this.#active) this.#api.registry.delete(name);
    }
    this.#name = null;
  }
}
