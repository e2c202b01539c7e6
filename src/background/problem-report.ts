/**
 * "Report a problem": the address of a prefilled report about one item. It names the item, the pack's version and
 * "as of" date, and the page's address only when the reader chose to include it. Nothing is sent: the reader's
 * browser opens the form, and the reader decides whether to submit it.
 */
import type { PackInfo } from '../knowledge/active-pack';

export interface ProblemReport {
  id: string;
  info: Pick<PackInfo, 'version' | 'asOf' | 'official'>;
  pageUrl?: string;
}

export function problemReportUrl(destination: string, report: ProblemReport): string {
  const lines = [
    `Item: ${report.id}`,
    `Knowledge pack: version ${report.info.version}, as of ${report.info.asOf}${report.info.official ? '' : ' (unofficial pack)'}`,
    ...(report.pageUrl ? [`Page: ${report.pageUrl}`] : []),
    '',
    'What is wrong, and where can it be checked (a source address helps):',
    '',
  ];
  const url = new URL(destination);
  url.searchParams.set('title', `Problem with "${report.id}"`);
  url.searchParams.set('body', lines.join('\n'));
  return url.href;
}
