/**
 * The body of a card: shared by the hover card and the popup's detail view, so an item reads the same in both.
 * The hover card opens compact: what is marked `clamp` shows its first lines, what is marked `more` waits for the
 * card's "More" button (src/overlay/card.css). The popup shows everything.
 */
import type { ComponentChild } from 'preact';
import type { CardModel, EventLine, StanceLine } from '../cards/card-model';
import { Conflicts, DateText, Sources, Stance, StanceTable, Unverified, type EarlierWhere } from './facts';
import { inEnglishLine } from '../cards/name-language';
import { ENGLISH, type Messages } from '../i18n/messages';
import { toMarkup, type Markup } from './markup';

/**
 * `onShowEarlier` goes to a topic's earlier positions, `earlierWhere` says where they are: the hover card opens
 * the popup at the topic, the popup lists them below the card. The hover card's body is rendered in the
 * background, where no handler can go along: its button says `data-action="show-earlier"`, and the card acts on it
 * (src/ui/markup.ts). For the same reason the messages come in as `t`, not from a hook.
 */
export function CardBody({ t, model, onShowEarlier, earlierWhere }: { t: Messages; model: CardModel; onShowEarlier?: () => void; earlierWhere: EarlierWhere }) {
  if (model.kind === 'topic')
    return (
      <div class="card-body">
        <InEnglish t={t} model={model} />
        <NewerThanPack model={model} />
        <p class="lede clamp">{model.definition}</p>
        <div class="status-line">
          <p class="clamp">
            <strong>{t.text('cardStatus')}</strong> (<DateText date={model.status.date} />){t.text('colon')} {model.status.text}
          </p>
          <p class="meta more">
            <Sources t={t} sources={model.status.sources} />
          </p>
        </div>
        <StanceTable t={t} lines={model.lines} caption={model.linesTitle} onShowEarlier={onShowEarlier} earlierWhere={earlierWhere} />
        <SinceThen t={t} model={model} />
        <Conflicts t={t} conflicts={model.conflicts} />
        <Related t={t} model={model} />
      </div>
    );
  if (model.kind === 'event')
    return (
      <div class="card-body">
        <InEnglish t={t} model={model} />
        <NewerThanPack model={model} />
        <dl class="event-facts">
          <dt>{t.text('cardDate')}</dt>
          <dd>
            <DateText date={model.date} />
          </dd>
          <dt>{t.text('cardPlace')}</dt>
          <dd>{model.place}</dd>
          <dt>{t.text('cardParticipants')}</dt>
          <dd class="clamp">{model.participants.join(', ') || '—'}</dd>
          <dt>{t.text('cardWhatHappened')}</dt>
          <dd class="clamp">{model.summary}</dd>
          <dt>{t.text('cardOutcome')}</dt>
          <dd class="clamp">{model.outcome}</dd>
        </dl>
        <Unverified t={t} note={model.unverified} />
        <Conflicts t={t} conflicts={model.conflicts} />
        <p class="meta more">
          <Sources t={t} sources={model.sources} />
        </p>
        <Related t={t} model={model} title={t.text('cardEarlierOnTrack')} />
      </div>
    );
  return (
    <div class="card-body">
      <InEnglish t={t} model={model} />
      <NewerThanPack model={model} />
      <p class="lede">
        {model.role}
        {model.affiliation ? ` · ${model.affiliation}` : ''}
      </p>
      <p class="clamp">{model.description}</p>
      {model.lines.length > 0 ? (
        <section aria-label={model.linesTitle}>
          <h3>{model.linesTitle}</h3>
          <PositionLines t={t} lines={model.lines} />
        </section>
      ) : (
        <p class="no-position">{model.sinceArticle ? t.text('cardNoneBy', model.sinceArticle.day.text) : model.noPositions}</p>
      )}
      <SinceThen t={t} model={model} />
      <p class="meta more">
        <Sources t={t} sources={model.sources} label={t.text('cardAbout')} />
      </p>
      <Related t={t} model={model} />
    </div>
  );
}

/** The hover card's body, rendered in the background for the page (src/ui/markup.ts). */
export function hoverCardBody(model: CardModel, t: Messages = ENGLISH): Markup[] {
  return toMarkup(<CardBody t={t} model={model} earlierWhere="popup" />);
}

/** Under a name shown in the language of the page: the English name, and that the card speaks English. */
function InEnglish({ t, model }: { t: Messages; model: CardModel }) {
  const line = inEnglishLine(model, t);
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
function SinceThen({ t, model }: { t: Messages; model: CardModel }) {
  const since = model.sinceArticle;
  if (!since) return null;
  const later = since.lines.reduce((sum, line) => sum + line.stances.length, 0);
  const events = since.events.length;
  const counts = [later ? t.count('cardLaterPositions', later) : t.text('cardNoNewPositions'), events ? t.count('events', events) : ''].filter(Boolean);
  return (
    <section class="since" aria-label={t.text('cardSinceThen')}>
      <h3>
        {t.text('cardSinceThen')} <span class="since-count">({counts.join(', ')})</span>
      </h3>
      {since.lines.length > 0 ? (
        <PositionLines t={t} lines={since.lines} more after={(older) => (older > 0 ? <p class="meta">{t.count('cardMoreSince', older, since.day.text)}</p> : null)} />
      ) : null}
      {events > 0 ? (
        <ul class="related more" aria-label={t.text('cardEventsSinceThen')}>
          <EventItems events={since.events} />
        </ul>
      ) : null}
    </section>
  );
}

function Related({ t, model, title = t.text('cardLatestRelated') }: { t: Messages; model: CardModel; title?: string }) {
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
function PositionLines({ t, lines, more, after }: { t: Messages; lines: readonly StanceLine[]; more?: boolean; after?: (older: number) => ComponentChild }) {
  return (
    <ul class={more ? 'actor-stances more' : 'actor-stances'}>
      {lines.map(({ id, name, stances: [newest, ...older] }) => (
        <li key={id}>
          <strong>{name}</strong>
          <Stance t={t} cell={newest!} />
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
