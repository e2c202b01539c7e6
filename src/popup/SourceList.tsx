/** The shared list of source links, labelled in the popup's language ("Source", "Sources", "Джерело", "Джерела"). */
import type { SourceLink } from '../cards/card-model';
import { Sources } from '../ui/facts';
import { useMessages } from '../ui/i18n';

export function SourceList({ sources }: { sources: readonly SourceLink[] }) {
  const t = useMessages();
  return <Sources t={t} sources={sources} />;
}
