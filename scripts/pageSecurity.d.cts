export declare const OFFICE_CDN_ORIGIN: string;
export declare function contentSecurityPolicy(mode: 'cdn' | 'local'): string;
export declare function addContentSecurityPolicy(html: string, policy: string): string;
export declare function pageProblems(html: string, policy: string): string[];
