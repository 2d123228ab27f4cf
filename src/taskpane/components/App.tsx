// The task pane: theme, language, host notices, mapping, actions, progress and results.
import { useState } from 'react';
import {
  Button,
  Divider,
  FluentProvider,
  Spinner,
  Title3,
  makeStaticStyles,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { LocalLanguage20Regular } from '@fluentui/react-icons/svg/local-language';
import type { WorkbookPort } from '../../engine/workbookPort';
import type { Lang } from '../../engine/types';
import type { EngineRunner } from '../../engine/workflow';
import type { PaneHost } from '../hostInfo';
import { usePaneModel } from '../hooks/usePaneModel';
import { useFormsModel } from '../hooks/useFormsModel';
import { FormsLayout } from './FormsLayout';
import { useReport } from '../hooks/useReport';
import { REPORT_STRINGS } from '../strings/report';
import { STRINGS } from '../strings';
import { langFromLocale } from '../../engine/messages';
import { BureauPanel } from './BureauPanel';
import { MappingPanel } from './MappingPanel';
import { HostNotices, NoticeBar } from './Notices';
import { ProgressPanel } from './ProgressPanel';
import { ReportPanel } from './ReportPanel';
import { ResultsPanel } from './ResultsPanel';
import { SheetField } from './SheetField';
import { Toolbar } from './Toolbar';

// The page margin would show the browser's white around a dark pane.
const usePageStyles = makeStaticStyles({ 'html, body': { margin: 0, padding: 0 } });

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
});

export interface AppProps {
  port: WorkbookPort | null;
  host: PaneHost;
  lang?: Lang;
  engine?: EngineRunner;
  refreshDelayMs?: number;
}

export function App({ port, host, lang: initialLang, engine, refreshDelayMs }: AppProps) {
  const [lang, setLang] = useState<Lang>(initialLang ?? langFromLocale(host.displayLanguage));
  const strings = STRINGS[lang];
  const model = usePaneModel(port, { lang, engine, refreshDelayMs });
  // The forms layout takes the pane over when the workbook holds self-evaluation forms.
  const forms = useFormsModel(port, { lang, pane: model, refreshDelayMs });
  const table = forms.mode !== 'forms' && forms.mode !== 'looking';
  const { actions, refresh, outcome, source } = model;
  const report = useReport(port, { ...model, forms: forms.mode === 'forms' ? forms.evaluation : null }, { lang, engine });
  const reportPanel = (busy: boolean, onSelect: (project: { index: number; row: number }) => void) =>
    port && (
      <ReportPanel
        report={report}
        strings={strings}
        reportStrings={REPORT_STRINGS[lang]}
        lang={lang}
        canDownload={host.canDownload === true}
        canDraft={Boolean(port.writeReportSheet)}
        disabled={busy}
        onSelect={onSelect}
      />
    );
  usePageStyles();
  const styles = useStyles();
  const running = refresh.phase === 'running';

  return (
    <FluentProvider theme={host.dark ? webDarkTheme : webLightTheme} lang={strings.locale}>
      <main className={styles.root}>
        <header className={styles.header}>
          <Title3 as="h1">{strings.appTitle}</Title3>
          <Button
            appearance="subtle"
            icon={<LocalLanguage20Regular />}
            lang={lang === 'zh' ? 'en' : 'zh'}
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            {strings.switchLanguage}
          </Button>
        </header>
        <HostNotices host={host} strings={strings} />
        {table && model.notice && <NoticeBar notice={model.notice} strings={strings} lang={lang} onDismiss={actions.dismissNotice} />}
        {port && (model.loading || forms.mode === 'looking') && <Spinner label={strings.loading} />}
        {port && forms.mode === 'forms' && (
          <FormsLayout
            forms={forms}
            strings={strings}
            lang={lang}
            settings={model.settings}
            scoring={actions}
          />
        )}
        {port && forms.mode === 'forms' && (
          <>
            <Divider />
            {reportPanel(forms.refresh.phase === 'running', ({ index }) => {
              const form = forms.evaluation?.projects[index];
              if (form) forms.actions.selectForm(form);
            })}
          </>
        )}
        {port && table && !model.loading && (model.sheets.length > 1 || (source === null && model.sheets.length > 0)) && (
          <SheetField
            strings={strings}
            sheets={model.sheets}
            current={source?.name ?? model.settings.sheet ?? null}
            disabled={running}
            onSheet={actions.setSourceSheet}
          />
        )}
        {port && table && source && (
          <>
            <Toolbar
              strings={strings}
              refresh={refresh}
              hasResults={outcome !== null || Boolean(model.settings.lastRefreshed)}
              actions={actions}
            />
            {running && <ProgressPanel progress={model.progress} strings={strings} onCancel={actions.cancel} />}
            {outcome && (
              <ResultsPanel
                evaluation={outcome.evaluation}
                strings={strings}
                lang={lang}
                notApplied={model.notApplied}
                onSelect={actions.selectProject}
              />
            )}
            <Divider />
            {reportPanel(running, ({ row }) => actions.selectProject(row))}
            <Divider />
            <MappingPanel
              strings={strings}
              lang={lang}
              source={source}
              detection={model.detection}
              settings={model.settings}
              disabled={running}
              onOverride={actions.setOverride}
              scoring={actions}
            />
            <Divider />
            <BureauPanel port={port} strings={strings} lang={lang} settings={model.settings} disabled={running} onMonth={actions.setMonitoringMonth} engine={engine} />
          </>
        )}
      </main>
    </FluentProvider>
  );
}
