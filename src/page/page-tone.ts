/**
 * The page's own colours where a mark is: whether the text there sits on a dark or a light background, and whether
 * it is in a link. The highlighter paints each mark with the highlight of its tone (`public/highlights.css`), and a
 * card opened from a mark takes the same light or dark, so both stay readable on the page, whatever the system theme.
 *
 * It reads computed styles only (no layout), once per element that holds marked text: the background behind the
 * element is its own background colour laid over its ancestors', up to the first opaque one.
 */

/** Tone bits: the mark's text is on a dark background (1, which createPageTone relies on); it is inside a link. */
export const DARK = 1;
export const IN_LINK = 2;

/**
 * Our underline colours: dark blue on light backgrounds, light blue on dark ones (highlights.css). A background is
 * dark when its luminance is below DARK_BELOW, where the two colours reach the same contrast with it.
 */
export const UNDERLINE_ON_LIGHT = '#1e40af';
export const UNDERLINE_ON_DARK = '#bfdbfe';
export const DARK_BELOW = 0.248;

/** WCAG 2 relative luminance of an sRGB colour, channels 0–255. */
export const luminance = (rgb: readonly number[]): number =>
  [0.2126, 0.7152, 0.0722].reduce((sum, weight, i) => {
    const c = rgb[i]! / 255;
    return sum + weight * (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  }, 0);

/** WCAG 2 contrast ratio of two relative luminances. */
export const contrastRatio = (a: number, b: number): number => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/**
 * A computed colour's approximate luminance (0 black, 1 white) and its alpha. Browsers give computed colours as
 * rgb()/rgba(), or as oklch()/oklab() when the page wrote them so; another notation (lab(), color()) reads as
 * transparent: the background behind it decides.
 *
 * The approximation squares the sRGB channels instead of applying their exact curve (and cubes OKLab's lightness):
 * it only has to tell on which side of DARK_LUMA a colour is, and it tells the same as the exact luminance for
 * every background where one of our two underlines reaches 3:1 (tests/unit/page-tone.test.ts).
 */
export const lumaOf = (css: string): [luma: number, alpha: number] => {
  const [r, g, b, alpha = 1] = (css.match(/[\d.]+/g) ?? []).map(Number) as [number, number, number, number?];
  return css[0] === 'r' ? [(0.2126 * r * r + 0.7152 * g * g + 0.0722 * b * b) / 65025, alpha] : css[1] === 'k' ? [r * r * r, alpha] : [0, 0];
};

/** The approximate luminance (lumaOf) of a grey whose luminance is DARK_BELOW: darker backgrounds are dark. */
export const DARK_LUMA = 0.289;

/**
 * A closure, not a class, for the content script's size (docs/decisions.md, 9). The tone of each element that holds
 * marked text is read once and remembered while the element lives: the marks of a paragraph share one reading.
 */
export function createPageTone(view: Window): (node: Node) => number {
  const tones = new WeakMap<Element, number>();
  return (node) => {
    const element = node.parentElement!;
    let tone = tones.get(element);
    if (tone === undefined) {
      const [ink] = lumaOf(view.getComputedStyle(element).color);
      // What the text is painted on: the backgrounds from the element up, each over the ones behind it, until an
      // opaque one (nothing shows through it). Whatever is left shows the canvas, which we cannot read: a page
      // that sets no background of its own may follow the system's dark theme. Its text tells: light text is on
      // a dark canvas, dark text on a light one.
      let background = 0;
      let through = 1;
      for (let layer: Element | null = element; layer && through; layer = layer.parentElement) {
        const [luma, alpha] = lumaOf(view.getComputedStyle(layer).backgroundColor);
        background += through * alpha * luma;
        through *= 1 - alpha;
      }
      background += through * +(ink < DARK_LUMA);
      tones.set(element, (tone = +(background < DARK_LUMA) | (element.closest('a[href]') ? IN_LINK : 0)));
    }
    return tone;
  };
}
