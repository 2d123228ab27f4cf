// Names the function file registers with Office.actions.associate; the manifest's <FunctionName>
// elements must use exactly these (checked by scripts/checkManifest.ts).
export const REFRESH_SCORES = 'refreshScores';

export const FUNCTION_NAMES: readonly string[] = [REFRESH_SCORES];
