/**
 * The scan command's loop over files. One file's failure (unreadable, not text, a page the parser chokes on) is
 * reported with the file's name and the others are still scanned: a batch of saved pages is worth more than its
 * worst file.
 */
import { decodeFile, NotTextError } from './decode';
import { scanFile, type ScanContext, type ScanResult } from './scan-file';

export interface FileResult extends ScanResult {
  file: string;
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

export async function scanFiles(context: ScanContext, files: readonly string[], io: BatchIo): Promise<{ results: FileResult[]; failed: boolean }> {
  const results: FileResult[] = [];
  let failed = false;
  for (const file of files) {
    try {
      const type = fileType(file);
      const content = decodeFile(io.readFile(file), type);
      results.push({ file, ...(await scanFile(context, content, type)) });
    } catch (error) {
      io.report(`scan: ${file} ${describe(error)}`);
      failed = true;
    }
  }
  return { results, failed };
}
