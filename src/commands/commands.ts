// Ribbon function file (commands.html): "Refresh scores" re-runs the evaluation with the mapping
// saved in the workbook, without the pane. Excel has no notification API for function commands,
// so the outcome is shown in a small dialog (commands-result.html); nothing of the user's is
// written to report it. Without a saved mapping the officer is told to open the pane: opening it
// from here (Office.addin.showAsTaskpane) needs a shared runtime, which this manifest does not use
// (and the offline manifest schemas predate <Runtimes>), so both 'openPane' and 'notify' show the notice.
import { runWorkflow } from '../engine/workflow';
import { evaluateFormsAndWrite } from '../engine/forms/formsWorkflow';
import { missingApiSets } from '../excel/host';
import { hostDisplayLanguage, registerCommand, showDialog } from '../excel/commandHost';
import { createExcelPort } from '../excel/officePort';
import { REFRESH_SCORES } from './functionNames';
import { langFromLocale } from '../engine/messages';
import { commandLang, noticeQuery, planRefresh, refreshOutcome, type CommandAction, type NoticeCode } from './refreshOutcome';
import type { Lang } from '../engine/types';

/** A result dialog left open is closed after this long so the command always completes. */
const DIALOG_LIFETIME_MS = 90_000;

function resultPageUrl(code: NoticeCode, lang: Lang): string {
  return new URL(`commands-result.html?${noticeQuery(code, lang)}`, window.location.href).href;
}

/** Shows the notice in a dialog and resolves once it is closed (by the officer or the timer). */
function showNotice({ notice, code }: CommandAction, lang: Lang): Promise<void> {
  return showDialog(resultPageUrl(code, lang), DIALOG_LIFETIME_MS, (error) => console.warn(`refreshScores: ${notice.title}: ${notice.message}`, error));
}

export async function refreshScores(event: Office.AddinCommands.Event): Promise<void> {
  let lang = langFromLocale(hostDisplayLanguage());
  try {
    let action: CommandAction;
    try {
      const missing = missingApiSets();
      const port = createExcelPort();
      const settings = missing.length > 0 ? null : await port.loadSettings();
      lang = commandLang(settings, hostDisplayLanguage());
      const plan = planRefresh(settings, lang, missing);
      if (plan.kind === 'run') {
        // A workbook of self-evaluation forms is refreshed as the pane does: every form, the summary kept, the marks.
        const outcome =
          plan.settings.layout === 'forms' && port.readSheets
            ? await evaluateFormsAndWrite(port, plan.settings, { lang, summary: Boolean(plan.settings.summarySheet), marks: true, save: true })
            : await runWorkflow(port, plan.settings, { lang });
        action = refreshOutcome({ ok: true, evaluation: outcome.evaluation, summarySheet: outcome.summarySheet }, lang);
      } else {
        action = plan;
      }
    } catch (error) {
      // The detail goes to the log only: the dialog shows the add-in's message for the error's code.
      console.warn('refreshScores failed', error);
      action = refreshOutcome({ ok: false, error }, lang);
    }
    await showNotice(action, lang);
  } catch (error) {
    console.error('refreshScores failed to report its outcome', error);
  } finally {
    event.completed();
  }
}

registerCommand(REFRESH_SCORES, refreshScores);
