// The pane when the workbook holds self-evaluation forms: the outcome of the last action, the actions
// (Clear highlights removes the add-in's marks on the forms), progress, the forms, and the scheme and
// rate band they are scored with.
import { Divider, makeStyles, tokens } from '@fluentui/react-components';
import type { Settings } from '../../engine/workbookPort';
import type { Lang } from '../../engine/types';
import type { FormsModel } from '../hooks/useFormsModel';
import { FORMS_STRINGS } from '../strings/forms';
import type { Strings } from '../strings';
import { FormsPanel, MarksClearedBar } from './FormsPanel';
import { NoticeBar } from './Notices';
import { ProgressPanel } from './ProgressPanel';
import { ScoringFields, type ScoringActions } from './ScoringFields';
import { Toolbar } from './Toolbar';

const useStyles = makeStyles({
  scoring: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface FormsLayoutProps {
  forms: FormsModel;
  strings: Strings;
  lang: Lang;
  settings: Settings;
  scoring: ScoringActions;
}

export function FormsLayout({ forms, strings, lang, settings, scoring }: FormsLayoutProps) {
  const styles = useStyles();
  const fs = FORMS_STRINGS[lang];
  const { actions, refresh, notice, evaluation } = forms;
  const running = refresh.phase === 'running';
  return (
    <>
      {notice &&
        (notice.kind === 'marksCleared' ? (
          <MarksClearedBar text={fs.marksCleared} strings={strings} onDismiss={actions.dismissNotice} />
        ) : (
          <NoticeBar notice={notice} strings={strings} lang={lang} onDismiss={actions.dismissNotice} />
        ))}
      <Toolbar
        strings={strings}
        refresh={refresh}
        hasResults={forms.marked !== null || Boolean(settings.lastRefreshed) || refresh.lastRefreshed !== null}
        actions={{ ...actions, clearHighlights: actions.clearMarks }}
      />
      {running && <ProgressPanel progress={forms.progress} strings={strings} onCancel={actions.cancel} />}
      {evaluation && (
        <FormsPanel
          evaluation={evaluation}
          strings={strings}
          formsStrings={fs}
          lang={lang}
          notApplied={forms.notApplied}
          marked={forms.marked}
          actions={actions}
        />
      )}
      <Divider />
      <section className={styles.scoring} aria-label={strings.scheme}>
        <ScoringFields strings={strings} lang={lang} settings={settings} disabled={running} actions={scoring} />
      </section>
    </>
  );
}
