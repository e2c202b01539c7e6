/** Small components shared by the hover card and the popup, so a fact looks the same wherever it appears. */
import type { ConflictModel, SourceLink, StanceCell, StanceLine } from '../cards/card-model';
import type { ShownDate } from '../cards/dates';
import type { Messages, MessageKey } from '../i18n/messages';
import { SHOW_EARLIER } from './markup';

/** Only http(s) links are ever rendered; the pack checker rejects others, and this guards packs from elsewhere. */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

const STATUS_MESSAGE: Record<StanceCell['status'], MessageKey> = { stated: 'cardStated', reported: 'cardReported', disputed: 'cardDisputed' };

/** A date for the reader, with its machine form for software that reads the page (see src/cards/dates.ts). */
export function DateText({ date }: { date: ShownDate }) {
  return <time dateTime={date.datetime}>{date.text}</time>;
}

/**
 * A list of source links; the label defaults to "Source" or "Sources" by count. These components are also rendered
 * outside Preact (src/ui/markup.ts), where hooks cannot run: the messages come in as `t`.
 */
export function Sources({ t, sources, label }: { t: Messages; sources: readonly SourceLink[]; label?: string }) {
  if (sources.length === 0) return null;
  return (
    <span class="sources">
      {label ?? t.count('sources', sources.length)}{t.text('colon')}{' '}
      {sources.map((s, i) => (
        <span key={s.url + i}>
          {i > 0 ? `${t.text('semicolon')} ` : ''}
          <a href={safeHref(s.url)} target="_blank" rel="noopener noreferrer" title={`${s.title} (${s.date.text})`}>
            {s.publisher}
          </a>
          {s.note ? <span class="source-note"> ({s.note})</span> : null}
        </span>
      ))}
    </span>
  );
}

/** A fact our sources could not confirm says so, with the reason. */
export function Unverified({ t, note }: { t: Messages; note: string | undefined }) {
  return note ? <p class="unverified">{t.text('unverified', note)}</p> : null;
}

export function Stance({ t, cell }: { t: Messages; cell: StanceCell }) {
  return (
    <>
      <p class="position">
        {cell.by ? <span class="by">{cell.by}{t.text('colon')} </span> : null}
        {cell.position}
      </p>
      {cell.quote ? (
        <blockquote class="quote">
          “{cell.quote.text}” <cite>— {cell.quote.by}</cite>
        </blockquote>
      ) : null}
      <Unverified t={t} note={cell.unverified} />
      <p class="meta">
        <span class={`status status-${cell.status}`}>{t.text(STATUS_MESSAGE[cell.status])}</span> · <DateText date={cell.date} /> ·{' '}
        <Sources t={t} sources={cell.sources} />
      </p>
    </>
  );
}

/** Where a party's earlier positions are: the hover card opens the popup at the topic, the popup lists them below. */
export type EarlierWhere = 'popup' | 'below';

/**
 * One row per party, the same fields in the same order for each; an empty row says so. `onShowEarlier` goes to a
 * party's earlier positions, which are where `earlierWhere` says.
 */
export function StanceTable({ t, lines, caption, onShowEarlier, earlierWhere }: { t: Messages; lines: readonly StanceLine[]; caption: string; onShowEarlier?: () => void; earlierWhere: EarlierWhere }) {
  return (
    <table class="stances">
      <caption>{caption}</caption>
      <colgroup>
        <col class="party-col" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{t.text('cardPartyColumn')}</th>
          <th scope="col">{t.text('cardPositionColumn')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map(({ id, name, stances: [latest, ...earlier] }) => (
          <tr key={id}>
            <th scope="row">{name}</th>
            <td>
              {latest ? (
                <>
                  <Stance t={t} cell={latest} />
                  {earlier.length > 0 ? (
                    <p class="meta more">
                      <button type="button" class="link" data-action={SHOW_EARLIER} onClick={onShowEarlier}>
                        {t.count(earlierWhere === 'popup' ? 'cardEarlierInPopup' : 'cardEarlierBelow', earlier.length)}
                      </button>
                    </p>
                  ) : null}
                </>
              ) : (
                <p class="no-position">{t.text('cardNoPublicPosition')}</p>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Conflicts({ t, conflicts }: { t: Messages; conflicts: readonly ConflictModel[] }) {
  if (conflicts.length === 0) return null;
  return (
    <section class="conflicts" aria-label={t.text('cardWhereSourcesDiffer')}>
      {conflicts.map((c) => (
        <div key={c.about} class="conflict">
          <p class="conflict-title">
            <strong>{t.text('cardSourcesDiffer')}</strong> {c.about}
          </p>
          <ul class="more">
            {c.versions.map((v, i) => (
              <li key={i}>
                {v.text} <Sources t={t} sources={v.sources} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
