// Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique without regard to case.
const MAX = 31;

export function cleanSheetName(name: string): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, ' ').replace(/^'+|'+$/g, '').trim();
  return (cleaned || 'Sheet').slice(0, MAX);
}

/** The preferred name, or "name (2)", "name (3)"… when a sheet already has it. */
export function uniqueSheetName(preferred: string, existing: string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const base = cleanSheetName(preferred);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, MAX - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
