/** The Summary tab: each track in a sentence or two, and the status of each proposal. */
import { sourceLinks } from '../cards/card-model';
import { TRACK_NAMES, type PackIndex } from '../knowledge/pack-index';
import { TRACK_IDS } from '../knowledge/schema';
import type { Settings } from '../settings/settings';
import type { ShowDate } from '../cards/dates';
import { DateText, Sources } from '../ui/facts';

export function SummaryView({ index, settings, showDate }: { index: PackIndex; settings: Settings | null; showDate: ShowDate }) {
  const links = (ids: readonly string[]) => sourceLinks(index, ids, showDate);
  const { pack } = index;
  const tracks = [...pack.tracks].sort((a, b) => TRACK_IDS.indexOf(a.id) - TRACK_IDS.indexOf(b.id)).filter((t) => !settings || settings.tracks.includes(t.id));
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">Where things stand</h2>
      {tracks.map((t) => (
        <article class="track" key={t.id}>
          <h3>{TRACK_NAMES[t.id]}</h3>
          <p>{t.summary}</p>
          <p class="meta">
            As of <DateText date={showDate(t.date)} /> · <Sources sources={links(t.sources)} />
          </p>
        </article>
      ))}
      {pack.agreements.length > 0 ? (
        <>
          <h2>Proposals and agreements</h2>
          <ul class="agreements">
            {pack.agreements.map((a) => {
              const latest = a.history[a.history.length - 1]!;
              return (
                <li key={a.id}>
                  <details>
                    <summary>
                      <strong>{a.name}</strong> <span class={`badge status-${latest.status}`}>{latest.status}</span> <DateText date={showDate(latest.date)} />
                    </summary>
                    <ol class="history">
                      {a.history.map((h, i) => (
                        <li key={i}>
                          <DateText date={showDate(h.date)} /> <span class={`badge status-${h.status}`}>{h.status}</span> {h.text} <Sources sources={links(h.sources)} />
                        </li>
                      ))}
                    </ol>
                  </details>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}
