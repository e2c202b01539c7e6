/** The "This page" tab: what the page mentions; choosing one shows it on the page. */
import { useState } from 'preact/hooks';
import type { PageReport } from '../messaging/protocol';
import { languagesOf, type Language } from '../knowledge/inflection';
import { languageOf } from '../page/page-language';
import { useMessages } from '../ui/i18n';
import { type MessageKey } from '../i18n/messages';
import type { OpenDetail } from './DetailView';
import type { PopupDeps } from './PopupApp';
import { ShortcutLine } from './ShortcutLine';
import { kindName, LANGUAGE_MESSAGE } from '../i18n/vocabulary';

const OFF_REASON: Record<string, MessageKey> = {
  paused: 'offPaused',
  'site-choice': 'offSiteChoice',
  default: 'offDefault',
  'not-a-web-page': 'offNotAWebPage',
};

/**
 * Why nothing is marked on a page with nothing relevant: it is not about the negotiations, or it is in a language
 * the pack names nothing in (the languages it reads come from its aliases).
 */
function NotRelevant({ report, reads }: { report: Extract<PageReport, { state: 'not-relevant' }>; reads: readonly Language[] }) {
  const t = useMessages();
  const language = languageOf(report.language);
  if (language === null || (reads as readonly string[]).includes(language)) return <p class="empty">{t.text('pageNotRelevant')}</p>;
  const pages = t.text('pageReads', t.list(reads.map((l) => t.text(LANGUAGE_MESSAGE[l]))));
  return (
    <p class="empty" data-page-language={language}>
      {language === 'other' ? t.text('pageOtherLanguage', pages) : t.text('pageInLanguage', t.text(LANGUAGE_MESSAGE[language]), pages)}
    </p>
  );
}

export function PageView({ deps, report, onOpen }: { deps: Pick<PopupDeps, 'entityIds' | 'index' | 'revealOnPage' | 'getShortcuts' | 'shortcutSettings'>; report: PageReport | null | 'loading'; onOpen: OpenDetail }) {
  const t = useMessages();
  const [missing, setMissing] = useState<string | null>(null);
  if (report === 'loading') return <p class="muted">{t.text('pageLooking')}</p>;
  if (report === null) return <p class="empty">{t.text('pageCannotRead')}</p>;
  if (report.state === 'off') {
    const reason = OFF_REASON[report.reason];
    return <p class="empty">{t.text('pageOff', report.site ?? t.text('thisPageSite'), reason ? t.text(reason) : '')}</p>;
  }
  if (report.state === 'not-relevant') return <NotRelevant report={report} reads={languagesOf(deps.index.pack)} />;
  if (report.mentions.length === 0) return <p class="empty">{t.text('pageNothingFound')}</p>;
  const rows = report.mentions.flatMap((m) => {
    const id = deps.entityIds[m.entity];
    const entity = id ? deps.index.entity(id) : undefined;
    if (!id || !entity) return [];
    return [{ ...m, id, name: entity.item.name, kind: entity.kind === 'actor' ? entity.item.kind : entity.kind }];
  });
  return (
    <section aria-labelledby="page-title">
      <h2 id="page-title">{t.text('onThisPage')}</h2>
      <p class="meta">{t.text('pageHint')}</p>
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
              <span class="kind-tag">{kindName(t, r.kind)}</span> {r.name} <span class="count" aria-label={t.count('mentions', r.count)}>×{r.count}</span>
            </button>
            <button
              type="button"
              class="link"
              data-details-for={r.id}
              aria-label={t.text('detailsAbout', r.name)}
              onClick={() => onOpen(r.id, () => [...document.querySelectorAll<HTMLElement>('[data-details-for]')].find((b) => b.dataset.detailsFor === r.id) ?? null)}
            >
              {t.text('details')}
            </button>
          </li>
        ))}
      </ul>
      {missing ? <p role="status">{t.text('noLongerOnPage', missing)}</p> : null}
    </section>
  );
}
