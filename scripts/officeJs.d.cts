export declare const OFFICE_JS_CDN: string;
export declare const LOCAL_DIR: string;
export declare const LOCAL_SRC: string;
export declare function officeJsSource(env: Record<string, string | undefined>): { mode: 'cdn' | 'local'; src: string };
export declare function rewriteOfficeJs(html: string, src: string): string;
export declare function officeJsPackageDir(): string;
