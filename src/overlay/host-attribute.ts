/**
 * The attribute that marks our UI's host element (a `div`; container.ts says why not a custom element). The
 * overlay owns it and sets it; the page code that must skip our host, and the tests, read it from here. It has a
 * module of its own so that they can import it without the overlay's Preact (the scan command runs in Node).
 */
export const OVERLAY_HOST_ATTRIBUTE = 'data-negotiation-lens-ui';
