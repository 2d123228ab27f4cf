export declare const PLACEHOLDER_ORIGIN: string;
export declare function normalizeAddinUrl(raw: string): string;
export declare function resolveAddinUrl(
  env: Record<string, string | undefined>,
  configPath?: string,
): { url: string; source: string };
export declare function rewriteManifest(xml: string, addinUrl: string): string;
