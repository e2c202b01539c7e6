/**
 * The scan command's loop over files. One file's failure (unreadable, not text, a page the parser chokes on) is
 * reported with the file's name and the others are still scanned: a batch of saved pages is worth more than its
 * worst file.
 */
import { languageOf, type PageLanguage } from '../page/page-language';
import { decodeFile, NotTextError } from './decode';
import { scanFile, type ScanContext, type ScanResult } from './scan-file';

export interface FileResult extends ScanResult {
  file: string;
  /** The language the file was read as: the one asked for (`--lang`), else the one its text is in; null if unknown. */
  language: PageLanguage | null;
}

/**
 * The language of a file, from its declared `lang` (HTML) and its text, as the popup tells a page's: the text of
 * an HTML file is read roughly here (tags, scripts and styles dropped), which is enough to tell a language.
 */
export function fileLanguage(content: string, type: 'text' | 'html'): PageLanguage | null {
  if (type === 'text') return languageOf({ declared: null, text: content });
  const declared = /<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z-]+)/i.exec(content)?.[1] ?? null;
  const body = content.replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');
  return languageOf({ declared, text: body });
}

export interface BatchIo {
  readFile(path: string): Uint8Array;
  /** One line for the reader, about one file. */
  report(line: string): void;
}

/** Why a file could not be scanned, in a few words; a stack trace helps nobody who is scanning saved pages. */
function describe(error: unknown): string {
  if (error instanceof NotTextError) return error.message;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && code.startsWith('E')) return `cannot be read (${code})`;
  return `could not be scanned: ${error instanceof Error ? error.message : String(error)}`;
}

export const fileType = (path: string): 'text' | 'html' => (/\.html?$/i.test(path) ? 'html' : 'text');

export async function scanFiles(context: ScanContext, files: readonly string[], io: BatchIo, language?: PageLanguage): Promise<{ results: FileResult[]; failed: boolean }> {
  const results: FileResult[] = [];
  let failed = false;
  for (const file of files) {
    try {
      const type = fileType(file);
      const content = decodeFile(io.readFile(file), type);
      results.push({ file, language: language ?? fileLanguage(content, type), ...(await scanFile(context, content, type)) });
    } catch (error) {
      io.report(`scan: ${file} ${describe(error)}`);
      failed = true;
    }
  }
  return { results, failed };
}
