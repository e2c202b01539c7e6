/** Types for the parts of report.mjs that TypeScript code imports (the browser tests check the size budget). */
export declare const BUDGETS: Readonly<Record<string, number>> & { readonly contentGzipKB: number };
