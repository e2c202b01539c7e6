/**
 * Values fixed when the extension is built. Each has a default for the project's own builds and can be set with
 * an environment variable at build time (`WXT_FEED_URL=… npm run build`), for someone who runs their own feed or
 * report desk. docs/knowledge.md ("Living knowledge") explains them.
 */

/** The update feed's manifest. Nothing is fetched from it until the reader turns updates on. */
export const DEFAULT_FEED_URL: string = import.meta.env.WXT_FEED_URL || 'https://negotiation-lens.github.io/packs/feed.json';

/**
 * The project's public signing key (base64 of the 32 raw Ed25519 bytes). Packs signed with its private half
 * are "official". The private half is held by the pack's maintainers, outside the repository.
 */
export const PROJECT_PUBLIC_KEY: string = import.meta.env.WXT_PACK_PUBLIC_KEY || 'Ny3XqI+yZbV/GoGZh3Iwxnq8Zan2/QZQeVhjqiyt4Ao=';

/** Where "Report a problem" opens a prefilled report: an issue form that takes `title` and `body`. */
export const REPORT_URL: string = import.meta.env.WXT_REPORT_URL || 'https://github.com/negotiation-lens/negotiation-lens/issues/new';
