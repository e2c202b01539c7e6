/** Small components shared by the hover card and the popup, so a fact looks the same wherever it appears. */
import type { ConflictModel, SourceLink, StanceCell, StanceLine } from '../cards/card-model';
import type { ShownDate } from '../cards/dates';
import { SHOW_EARLIER } from './markup';

/** Only http(s) links are ever rendered; the pack checker rejects others, and this guards packs from elsewhere. */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

const STATUS_LABEL: Record<StanceCell['status'], string> = { stated: 'Stated', reported: 'Reported', disputed: 'Disputed' };

/** A date for the reader, with its machine form for software that reads the page (see src/cards/dates.ts). */
export function DateText({ date }: { date: ShownDate }) {
  return <time dateTime={date.datetime}>{date.text}</time>;
}

/** A list of source links; the label defaults to "Source" or "Sources" by count. */
export function Sources({ sources, label }: { sources: readonly SourceLink[]; label?: string }) {
  if (sources.length === 0) return null;
  return (
    <span class="sources">
      {label ?? (sources.length > 1 ? 'Sources' : 'Source')}:{' '}
      {sources.map((s, i) => (
        <span key={s.url + i}>
          {i > 0 ? '; ' : ''}
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
export function Unverified({ note }: { note: string | undefined }) {
  return note ? <p class="unverified">Unverified: {note}</p> : null;
}

export function Stance({ cell }: { cell: StanceCell }) {
  return (
    <>
      <p class="position">
        {cell.by ? <span class="by">{cell.by}: </span> : null}
        {cell.position}
      </p>
      {cell.quote ? (
        <blockquote class="quote">
          “{cell.quote.text}” <cite>— {cell.quote.by}</cite>
        </blockquote>
      ) : null}
      <Unverified note={cell.unverified} />
      <p class="meta">
        <span class={`status status-${cell.status}`}>{STATUS_LABEL[cell.status]}</span> · <DateText date={cell.date} /> ·{' '}
        <Sources sources={cell.sources} />
      </p>
    </>
  );
}

/**
 * One row per party, the same fields in the same order for each; an empty row says so. `onShowEarlier` goes to a
 * party's earlier positions: the hover card opens the popup at the topic, and the popup lists them below the table
 * (`earlierWhere` says which).
 */
export function StanceTable({ lines, caption, onShowEarlier, earlierWhere }: { lines: readonly StanceLine[]; caption: string; onShowEarlier?: () => void; earlierWhere: string }) {
  return (
    <table class="stances">
      <caption>{caption}</caption>
      <colgroup>
        <col class="party-col" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Party</th>
          <th scope="col">Position, status, date and source</th>
        </tr>
      </thead>
      <tbody>
        {lines.map(({ id, name, stances: [latest, ...earlier] }) => (
          <tr key={id}>
            <th scope="row">{name}</th>
            <td>
              {latest ? (
                <>
                  <Stance cell={latest} />
                  {earlier.length > 0 ? (
                    <p class="meta more">
                      <button type="button" class="link" data-action={SHOW_EARLIER} onClick={onShowEarlier}>
                        {earlier.length} earlier position{earlier.length > 1 ? 's' : ''} {earlierWhere}
                      </button>
                    </p>
                  ) : null}
                </>
              ) : (
                <p class="no-position">No public position found in our sources.</p>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Conflicts({ conflicts }: { conflicts: readonly ConflictModel[] }) {
  if (conflicts.length === 0) return null;
  return (
    <section class="conflicts" aria-label="Where sources differ">
      {conflicts.map((c) => (
        <div key={c.about} class="conflict">
          <p class="conflict-title">
            <strong>Sources differ:</strong> {c.about}
          </p>
          <ul class="more">
            {c.versions.map((v, i) => (
              <li key={i}>
                {v.text} <Sources sources={v.sources} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
