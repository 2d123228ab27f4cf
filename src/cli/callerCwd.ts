// `npm run evaluate` runs the script in the package root, whatever folder it was typed in; npm puts that
// folder in INIT_CWD. Relative paths are the caller's, so they resolve against it. INIT_CWD is only
// trusted when this very script is npm's lifecycle event: a child of another npm script inherits a stale one.
export function callerCwd(env: Record<string, string | undefined>, processCwd: string): string {
  const init = env.INIT_CWD;
  return env.npm_lifecycle_event === 'evaluate' && init !== undefined && init !== '' ? init : processCwd;
}
