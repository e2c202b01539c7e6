/**
 * Site policy: is the extension on for this URL? A pure function of the URL and the settings.
 *
 * A site is a host name without a leading "www.": ports and paths do not matter, and a choice made for
 * `example.com` covers its subdomains unless a subdomain has its own choice. IP addresses and `localhost` match only themselves.
 * International domain names are compared in their ASCII (punycode) form, as the URL parser gives them.
 */
import type { Settings, SiteChoice } from './settings';
import { NEWS_SITES } from './news-sites';

export type SiteDecision = { on: boolean; site: string | null; reason: 'paused' | 'not-a-web-page' | 'site-choice' | 'default' };

/** The site for a URL, or null for pages the extension never runs on (extension pages, files, about:). */
export function siteOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.replace(/\.$/, '').toLowerCase();
  if (!isHostName(host)) return null;
  // "www." names the same site as the bare domain for readers: one choice covers both.
  return host.startsWith('www.') && host.split('.').length > 2 ? host.slice(4) : host;
}

/**
 * Host names as the URL parser gives them: ASCII labels (international names arrive as punycode), an IPv4
 * address, or an IPv6 address in brackets. Chromium's parser lets some junk through (`http://not a site` has
 * the host `not%20a%20site`), so the result is checked again.
 */
export function isHostName(host: string): boolean {
  return /^(\[[0-9a-f:.]+\]|[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*)$/.test(host);
}

/** Turns what a user types ("https://www.BBC.co.uk/news", "bücher.de") into the site key, or null. */
export function normalizeSiteInput(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  return siteOf(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
}

const isIpHost = (host: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');

/** The host itself, then each parent domain, stopping before the bare top-level domain. */
export function candidateSites(host: string): string[] {
  if (isIpHost(host) || !host.includes('.')) return [host];
  const labels = host.split('.');
  const out: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) out.push(labels.slice(i).join('.'));
  return out;
}

export function isEnabledFor(url: string, settings: Pick<Settings, 'paused' | 'defaultMode'>, sites: Readonly<Record<string, SiteChoice>>): SiteDecision {
  const site = siteOf(url);
  if (site === null) return { on: false, site, reason: 'not-a-web-page' };
  if (settings.paused) return { on: false, site, reason: 'paused' };
  for (const candidate of candidateSites(site)) {
    const choice = sites[candidate];
    if (choice) return { on: choice === 'on', site, reason: 'site-choice' };
  }
  const on =
    settings.defaultMode === 'everywhere' ||
    (settings.defaultMode === 'news-sites' && candidateSites(site).some((candidate) => NEWS_SITES.has(candidate)));
  return { on, site, reason: 'default' };
}
