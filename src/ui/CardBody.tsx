/**
 * The body of a card: shared by the hover card and the popup's detail view, so an item reads the same in both.
 * The hover card opens compact: what is marked `clamp` shows its first lines, what is marked `more` waits for the
 * card's "More" button (src/overlay/card.css). The popup shows everything.
 */
import type { ComponentChild } from 'preact';
import type { CardModel, EventLine, StanceLine } from '../cards/card-model';
import { Conflicts, DateText, Sources, Stance, StanceTable, Unverified } from './facts';
import { inEnglishLine } from '../cards/name-language';
import { toMarkup, type Markup } from './markup';

/**
 * `onShowEarlier` goes to a topic's earlier positions, `earlierWhere` says where they are: the hover card opens
 * the popup at the topic ("in the popup"), the popup lists them below the card ("below"). The hover card's body is
 * rendered in the background, where no handler can go along: its button says `data-action="show-earlier"`, and
 * the card acts on it (src/ui/markup.ts).
 */
export function CardBody({ model, onShowEarlier, earlierWhere }: { model: CardModel; onShowEarlier?: () => void; earlierWhere: string }) {
  if (model.kind === 'topic')
    return (
      <div class="card-body">
        <InEnglish model={model} />
        <NewerThanPack model={model} />
        <p class="lede clamp">{model.definition}</p>
        <div class="status-line">
          <p class="clamp">
            <strong>Status</strong> (<DateText date={model.status.date} />): {model.status.text}
          </p>
          <p class="meta more">
            <Sources sources={model.status.sources} />
          </p>
        </div>
        <StanceTable lines={model.lines} caption={model.linesTitle} onShowEarlier={onShowEarlier} earlierWhere={earlierWhere} />
        <SinceThen model={model} />
        <Conflicts conflicts={model.conflicts} />
        <Related model={model} />
      </div>
    );
  if (model.kind === 'event')
    return (
      <div class="card-body">
        <InEnglish model={model} />
        <NewerThanPack model={model} />
        <dl class="event-facts">
          <dt>Date</dt>
          <dd>
            <DateText date={model.date} />
          </dd>
          <dt>Place</dt>
          <dd>{model.place}</dd>
          <dt>Participants</dt>
          <dd class="clamp">{model.participants.join(', ') || '—'}</dd>
          <dt>What happened</dt>
          <dd class="clamp">{model.summary}</dd>
          <dt>Outcome</dt>
          <dd class="clamp">{model.outcome}</dd>
        </dl>
        <Unverified note={model.unverified} />
        <Conflicts conflicts={model.conflicts} />
        <p class="meta more">
          <Sources sources={model.sources} />
        </p>
        <Related model={model} title="Earlier on the same track" />
      </div>
    );
  return (
    <div class="card-body">
      <InEnglish model={model} />
      <NewerThanPack model={model} />
      <p class="lede">
        {model.role}
        {model.affiliation ? ` · ${model.affiliation}` : ''}
      </p>
      <p class="clamp">{model.description}</p>
      {model.lines.length > 0 ? (
        <section aria-label={model.linesTitle}>
          <h3>{model.linesTitle}</h3>
          <PositionLines lines={model.lines} />
        </section>
      ) : (
        <p class="no-position">{model.sinceArticle ? `None in our sources by ${model.sinceArticle.day.text}.` : model.noPositions}</p>
      )}
      <SinceThen model={model} />
      <p class="meta more">
        <Sources sources={model.sources} label="About" />
      </p>
      <Related model={model} />
    </div>
  );
}

/** The hover card's body, rendered in the background for the page (src/ui/markup.ts). */
export function hoverCardBody(model: CardModel): Markup[] {
  return toMarkup(<CardBody model={model} earlierWhere="in the popup" />);
}

/** Under a name shown in the language of the page: the English name, and that the card speaks English. */
function InEnglish({ model }: { model: CardModel }) {
  const line = inEnglishLine(model);
  return line ? (
    <p class="in-english" lang="en">
      {line}
    </p>
  ) : null;
}

/** Said once, at the top of a card read beside an article newer than the pack. */
function NewerThanPack({ model }: { model: CardModel }) {
  return model.newerThanPack ? <p class="newer-than-pack">{model.newerThanPack}</p> : null;
}

/**
 * After the positions held on an article's day: what each party said later (or what was said on each topic), the
 * newest first, and the events since. A compact card says only how much came later; "More" shows it.
 */
function SinceThen({ model }: { model: CardModel }) {
  const since = model.sinceArticle;
  if (!since) return null;
  const later = since.lines.reduce((sum, line) => sum + line.stances.length, 0);
  const events = since.events.length;
  const counts = [later ? `${later} later position${later > 1 ? 's' : ''}` : 'no new positions', events ? `${events} event${events > 1 ? 's' : ''}` : ''].filter(Boolean);
  return (
    <section class="since" aria-label="Since then">
      <h3>
        Since then <span class="since-count">({counts.join(', ')})</span>
      </h3>
      {since.lines.length > 0 ? (
        <PositionLines lines={since.lines} more after={(older) => (older > 0 ? <p class="meta">and {older} more since {since.day.text}</p> : null)} />
      ) : null}
      {events > 0 ? (
        <ul class="related more" aria-label="Events since then">
          <EventItems events={since.events} />
        </ul>
      ) : null}
    </section>
  );
}

function Related({ model, title = 'Latest related events' }: { model: CardModel; title?: string }) {
  if (model.relatedEvents.length === 0) return null;
  return (
    <section class="related more" aria-label={title}>
      <h3>{title}</h3>
      <ul>
        <EventItems events={model.relatedEvents} />
      </ul>
    </section>
  );
}

/**
 * One item per line (a topic on an actor's card, a party or a topic since an article's day): its name and its
 * newest position. `after` adds what follows the position, given how many older positions the line holds.
 */
function PositionLines({ lines, more, after }: { lines: readonly StanceLine[]; more?: boolean; after?: (older: number) => ComponentChild }) {
  return (
    <ul class={more ? 'actor-stances more' : 'actor-stances'}>
      {lines.map(({ id, name, stances: [newest, ...older] }) => (
        <li key={id}>
          <strong>{name}</strong>
          <Stance cell={newest!} />
          {after?.(older.length)}
        </li>
      ))}
    </ul>
  );
}

/** Events as list items, each with its date first. */
function EventItems({ events }: { events: readonly EventLine[] }) {
  return (
    <>
      {events.map((e) => (
        <li key={e.id}>
          <DateText date={e.date} /> {e.name}
        </li>
      ))}
    </>
  );
}
