/** The "This page" tab: what the page mentions; choosing one shows it on the page. */
import { useState } from 'preact/hooks';
import type { PageReport } from '../messaging/protocol';
import { LANGUAGE_NAMES, languagesOf, type Language } from '../knowledge/inflection';
import { languageOf } from '../page/page-language';
import { kindLabel } from '../ui/labels';
import type { OpenDetail } from './DetailView';
import type { PopupDeps } from './PopupApp';
import { ShortcutLine } from './ShortcutLine';

const OFF_REASON: Record<string, string> = {
  paused: 'The extension is paused everywhere.',
  'site-choice': 'You switched it off for this site.',
  default: 'It is off here by default (see Settings for where it runs).',
  'not-a-web-page': 'It only runs on web pages.',
};

/** "English, Ukrainian and Russian". */
const inWords = (names: readonly string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? ''));

/**
 * Why nothing is marked on a page with nothing relevant: it is not about the negotiations, or it is in a language
 * the pack names nothing in (the languages it reads come from its aliases).
 */
function NotRelevant({ report, reads }: { report: Extract<PageReport, { state: 'not-relevant' }>; reads: readonly Language[] }) {
  const language = languageOf(report.language);
  if (language === null || (reads as readonly string[]).includes(language)) return <p class="empty">This page does not seem to be about the negotiations, so nothing is marked on it.</p>;
  const pages = `Negotiation Lens reads ${inWords(reads.map((l) => LANGUAGE_NAMES[l]))} pages for now.`;
  return (
    <p class="empty" data-page-language={language}>
      {language === 'other' ? `This page is in a language Negotiation Lens does not read yet. ${pages}` : `This page is in ${LANGUAGE_NAMES[language]}; ${pages}`}
    </p>
  );
}

export function PageView({ deps, report, onOpen }: { deps: Pick<PopupDeps, 'entityIds' | 'index' | 'revealOnPage' | 'getShortcuts' | 'shortcutSettings'>; report: PageReport | null | 'loading'; onOpen: OpenDetail }) {
  const [missing, setMissing] = useState<string | null>(null);
  if (report === 'loading') return <p class="muted">Looking at this page…</p>;
  if (report === null) return <p class="empty">Negotiation Lens cannot read this page (browser pages and the extension gallery are off limits to extensions).</p>;
  if (report.state === 'off') return <p class="empty">Negotiation Lens is off on {report.site ?? 'this page'}. {OFF_REASON[report.reason]}</p>;
  if (report.state === 'not-relevant') return <NotRelevant report={report} reads={languagesOf(deps.index.pack)} />;
  if (report.mentions.length === 0) return <p class="empty">Nothing from the negotiations found on this page.</p>;
  const rows = report.mentions.flatMap((m) => {
    const id = deps.entityIds[m.entity];
    const entity = id ? deps.index.entity(id) : undefined;
    if (!id || !entity) return [];
    return [{ ...m, id, name: entity.item.name, kind: entity.kind === 'actor' ? entity.item.kind : entity.kind }];
  });
  return (
    <section aria-labelledby="page-title">
      <h2 id="page-title">On this page</h2>
      <p class="meta">Choose an item to show its first mention on the page. “Details” opens it here.</p>
      <ShortcutLine getShortcuts={deps.getShortcuts} settings={deps.shortcutSettings} />
      <ul class="mentions">
        {rows.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              class="mention"
              data-entity-id={r.id}
              onClick={async () => {
                const found = await deps.revealOnPage(r.entity);
                setMissing(found ? null : r.name);
              }}
            >
              <span class="kind-tag">{kindLabel(r.kind)}</span> {r.name} <span class="count" aria-label={`${r.count} mentions`}>×{r.count}</span>
            </button>
            <button
              type="button"
              class="link"
              data-details-for={r.id}
              aria-label={`Details about ${r.name}`}
              onClick={() => onOpen(r.id, () => [...document.querySelectorAll<HTMLElement>('[data-details-for]')].find((b) => b.dataset.detailsFor === r.id) ?? null)}
            >
              Details
            </button>
          </li>
        ))}
      </ul>
      {missing ? <p role="status">{missing} is no longer on the page.</p> : null}
    </section>
  );
}
