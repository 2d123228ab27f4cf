// The finance bureau's tools: the in-year monitoring switch with its month (the last complete month
// by default), and "汇总各部门 / Consolidate sheets", which writes the departments view.
import { Button, Field, MessageBar, MessageBarBody, Select, Spinner, Subtitle2, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { lastCompleteMonth } from '../../engine/monitoring';
import type { Settings, WorkbookPort } from '../../engine/workbookPort';
import type { Lang } from '../../engine/types';
import type { EngineRunner } from '../../engine/workflow';
import { BUREAU_STRINGS } from '../strings/bureau';
import type { Strings } from '../strings';
import { errorText } from '../errorText';
import { useConsolidateSheets } from '../hooks/useConsolidateSheets';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

export interface BureauPanelProps {
  port: WorkbookPort | null;
  strings: Strings;
  lang: Lang;
  /** The pane's settings: the monitoring month in force (absent or null: year-end), scheme and band. */
  settings: Settings;
  disabled: boolean;
  onMonth(month: number | null): void;
  /** Where each department's table is evaluated (the pane's worker runner); this thread when absent. */
  engine?: EngineRunner;
  /** Today, for the default month (the last complete one); tests fix it. */
  now?: () => Date;
}

export function BureauPanel({ port, strings, lang, settings, disabled, onMonth, engine, now }: BureauPanelProps) {
  const styles = useStyles();
  const bureau = BUREAU_STRINGS[lang];
  const { outcome, error, running, run } = useConsolidateSheets(port, lang, engine);
  const month = settings.monitoringMonth ?? null;
  const defaultMonth = lastCompleteMonth((now ?? (() => new Date()))());
  const onConsolidate = (): void => run(settings);
  return (
    <section className={styles.root} aria-label={bureau.title}>
      <Subtitle2 as="h2">{bureau.title}</Subtitle2>
      <div className={styles.row}>
        <Switch
          label={bureau.monitoring}
          checked={month !== null}
          disabled={disabled}
          title={bureau.monitoringHint}
          onChange={(_event, data) => onMonth(data.checked ? defaultMonth : null)}
        />
        {month !== null && (
          <Field label={bureau.month}>
            <Select value={String(month)} disabled={disabled} onChange={(_event, data) => onMonth(Number(data.value))}>
              {MONTHS.map((m) => (
                <option key={m} value={m}>
                  {bureau.monthOption(m)}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      <div className={styles.row}>
        <Button appearance="secondary" disabled={disabled || running} title={bureau.consolidateHint} onClick={onConsolidate}>
          {bureau.consolidate}
        </Button>
        {running && <Spinner size="tiny" label={bureau.consolidating} />}
      </div>
      {outcome && (
        <MessageBar intent="success">
          <MessageBarBody>{bureau.consolidated(outcome.summarySheet, outcome.consolidation.totals.departments, outcome.consolidation.totals.failed)}</MessageBarBody>
        </MessageBar>
      )}
      {error !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{errorText(error, strings, lang)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
