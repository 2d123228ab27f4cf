// What the ribbon's function file needs from Office beyond the workbook: the display language, a dialog
// for the outcome (Excel has no notification API for function commands) and registering the function.

/** The language Office shows its own UI in (e.g. "zh-CN"). */
export function hostDisplayLanguage(): string {
  return Office.context.displayLanguage;
}

/**
 * Opens `url` in a small dialog and resolves once it is closed by the officer, by a message from the page,
 * or after `lifetimeMs` (so the command always completes). A dialog that cannot open resolves at once with
 * the reason passed to `onUnavailable`.
 */
export function showDialog(url: string, lifetimeMs: number, onUnavailable: (error: unknown) => void): Promise<void> {
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url, { height: 30, width: 30, displayInIframe: true }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        onUnavailable(opened.error);
        resolve();
        return;
      }
      const dialog = opened.value;
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        dialog.close();
        done();
      }, lifetimeMs);
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
        dialog.close();
        done();
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
    });
  });
}

/** Registers a function command under the name the manifest uses (Office.actions where it exists, and as a global for older clients). */
export function registerCommand(name: string, fn: (event: Office.AddinCommands.Event) => Promise<void>): void {
  (globalThis as Record<string, unknown>)[name] = fn;
  Office.onReady(() => {
    if (typeof Office.actions?.associate === 'function') Office.actions.associate(name, fn);
  });
}
