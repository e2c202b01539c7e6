/** The body of a card: shared by the hover card and the popup's detail view, so an item reads the same in both. */
import type { CardModel } from '../cards/card-model';
import { Conflicts, DateText, Sources, Stance, StanceTable, Unverified } from './facts';

/** `onShowEarlier`: given by the popup, which lists a topic's earlier positions below the card (see StanceTable). */
export function CardBody({ model, onShowEarlier }: { model: CardModel; onShowEarlier?: () => void }) {
  if (model.kind === 'topic')
    return (
      <div class="card-body">
        <p class="lede">{model.definition}</p>
        <div class="status-line">
          <strong>Status</strong> (<DateText date={model.status.date} />): {model.status.text} <Sources sources={model.status.sources} />
        </div>
        <StanceTable rows={model.rows} caption="Where each party stands (latest position)" onShowEarlier={onShowEarlier} />
        <Conflicts conflicts={model.conflicts} />
        <Related model={model} />
      </div>
    );
  if (model.kind === 'event')
    return (
      <div class="card-body">
        <dl class="event-facts">
          <dt>Date</dt>
          <dd>
            <DateText date={model.date} />
          </dd>
          <dt>Place</dt>
          <dd>{model.place}</dd>
          <dt>Participants</dt>
          <dd>{model.participants.join(', ') || '—'}</dd>
          <dt>What happened</dt>
          <dd>{model.summary}</dd>
          <dt>Outcome</dt>
          <dd>{model.outcome}</dd>
        </dl>
        <Unverified note={model.unverified} />
        <Conflicts conflicts={model.conflicts} />
        <p class="meta">
          <Sources sources={model.sources} />
        </p>
        <Related model={model} title="Earlier on the same track" />
      </div>
    );
  const who = model.kind === 'person' ? 'person' : 'actor';
  return (
    <div class="card-body">
      <p class="lede">
        {model.role}
        {model.affiliation ? ` · ${model.affiliation}` : ''}
      </p>
      <p>{model.description}</p>
      {model.stances.length > 0 ? (
        <section aria-label="Positions">
          <h3>Positions (latest per topic)</h3>
          <ul class="actor-stances">
            {model.stances.map((line) => (
              <li key={line.topic}>
                <strong>{line.topicName}</strong>
                <Stance cell={line.stance} />
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p class="no-position">{model.hiddenStances > 0 ? `Your settings hide the positions of this ${who}.` : `No positions of this ${who} in our sources.`}</p>
      )}
      <p class="meta">
        <Sources sources={model.sources} label="About" />
      </p>
      <Related model={model} />
    </div>
  );
}

function Related({ model, title = 'Latest related events' }: { model: CardModel; title?: string }) {
  if (model.relatedEvents.length === 0) return null;
  return (
    <section class="related" aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {model.relatedEvents.map((e) => (
          <li key={e.id}>
            <DateText date={e.date} /> {e.name}
          </li>
        ))}
      </ul>
    </section>
  );
}
