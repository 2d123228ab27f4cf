export interface BundleSize {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  lazyGzipBytes: number;
}
export declare const TASKPANE_BUDGET_BYTES: number;
export declare function localScripts(html: string): string[];
export declare function taskpaneJsSize(distDir: string): BundleSize;
export declare function budgetLine(size: BundleSize): string;
