// The forms layout's results: "N 张自评表", where they are, the portfolio line, the workbook's checks
// and every form with its indicators to check.
import { Button, MessageBar, MessageBarActions, MessageBarBody, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons/svg/dismiss';
import type { FormsEvaluation } from '../../engine/forms/formTypes';
import type { Lang } from '../../engine/types';
import { formCheckSentence } from '../../engine/forms/formMessages';
import type { FormsStrings } from '../strings/forms';
import type { Strings } from '../strings';
import { FormItem, type FormSelection } from './FormItem';
import { PortfolioLine } from './PortfolioLine';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  meta: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  checks: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface FormsPanelProps {
  evaluation: FormsEvaluation;
  strings: Strings;
  formsStrings: FormsStrings;
  lang: Lang;
  notApplied: boolean;
  /** Cells the last run marked on the forms; null when none were written (opening, marks cleared). */
  marked: number | null;
  actions: FormSelection;
}

export function FormsPanel(props: FormsPanelProps) {
  const { evaluation, strings, formsStrings: fs, lang } = props;
  const styles = useStyles();
  const count = evaluation.projects.length;
  const sheets = [...new Set(evaluation.projects.map((p) => p.sheet))];
  const flagged = evaluation.projects.filter((p) => p.flags.length > 0).length;
  return (
    <section className={styles.panel} aria-label={fs.formsCount(count)}>
      <Subtitle2 as="h2" data-testid="forms-count">
        {fs.formsCount(count)}
      </Subtitle2>
      {count === 0 ? (
        <Text>{fs.noForms}</Text>
      ) : (
        <div className={styles.meta}>
          <Text size={200}>{fs.formsOnSheets(sheets.join(fs.sheetJoiner))}</Text>
          <Text size={200}>{fs.flaggedCount(flagged)}</Text>
        </div>
      )}
      {props.notApplied && <Text size={200}>{strings.notApplied}</Text>}
      {props.marked !== null && (
        <Text size={200} role="status" data-testid="forms-marked">
          {fs.marksCount(props.marked)}
        </Text>
      )}
      <PortfolioLine evaluation={evaluation} strings={strings} lang={lang} />
      {evaluation.checks.length > 0 && (
        <div>
          <Text weight="semibold">{strings.checksTitle}</Text>
          <ul className={styles.checks}>
            {evaluation.checks.map((check, i) => (
              <li key={`${check.code}-${check.sheet}-${check.row}-${check.field ?? i}`} data-testid="forms-check">
                {formCheckSentence(check, lang)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul className={styles.list} aria-label={fs.formsCount(count)}>
        {evaluation.projects.map((project) => (
          <FormItem
            key={`${project.sheet}!${project.row}`}
            project={project}
            strings={strings}
            formsStrings={fs}
            lang={lang}
            actions={props.actions}
          />
        ))}
      </ul>
    </section>
  );
}

/** The outcome of "Clear highlights" on forms, dismissible like the pane's other notices. */
export function MarksClearedBar({ text, strings, onDismiss }: { text: string; strings: Strings; onDismiss(): void }) {
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
      <MessageBarActions
        containerAction={<Button appearance="transparent" aria-label={strings.dismiss} icon={<Dismiss20Regular />} onClick={onDismiss} />}
      />
    </MessageBar>
  );
}
