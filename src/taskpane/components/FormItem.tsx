// One form: its project (click: select the form), where it is, its rate, scores and grade, its flags,
// and the indicators to check (click: select the cell to fix).
import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { FormProject, IndicatorResult } from '../../engine/forms/formTypes';
import type { Lang } from '../../engine/types';
import { gradeLabel } from '../../engine/messages';
import { formatRate, formatScore } from '../format';
import { shownValue } from '../formsPane';
import type { FormsStrings } from '../strings/forms';
import type { Strings } from '../strings';
import { FormFlagBadge, IndicatorFlagBadge } from './FormFlagBadge';
import { figuresLine, wrappingNameButton } from './listStyles';

const useStyles = makeStyles({
  item: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  link: wrappingNameButton,
  name: { fontWeight: tokens.fontWeightSemibold },
  row: figuresLine,
  flags: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  indicators: {
    listStyle: 'none',
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalM,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorNeutralStroke2,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

export interface FormItemProps {
  project: FormProject;
  strings: Strings;
  formsStrings: FormsStrings;
  lang: Lang;
  actions: FormSelection;
}

/** What clicking a form or one of its indicators does: select it in the workbook. */
export interface FormSelection {
  selectForm(project: FormProject): void;
  selectIndicator(project: FormProject, indicator: IndicatorResult): void;
}

export function FormItem({ project, strings, formsStrings: fs, lang, actions }: FormItemProps) {
  const styles = useStyles();
  const score = (value: number | null) => formatScore(value, strings.locale, strings.noValue);
  const toCheck = project.indicators.filter((ind) => ind.flags.length > 0);
  return (
    <li className={styles.item} data-testid="form">
      <Button
        appearance="transparent"
        className={mergeClasses(styles.link, styles.name)}
        aria-label={fs.selectForm(project.name, project.sheet, project.row)}
        onClick={() => actions.selectForm(project)}
      >
        {project.name}
      </Button>
      <div className={styles.row}>
        <Text size={200}>{fs.formAt(project.sheet, project.row)}</Text>
        {project.department && <Text size={200}>{strings.labelled(fs.department, project.department)}</Text>}
      </div>
      <div className={styles.row}>
        <Text size={200}>{strings.labelled(strings.colRate, formatRate(project.usageRate, strings.locale, strings.noBudget))}</Text>
        <Text size={200}>{strings.labelled(fs.execution, score(project.scores.execution))}</Text>
        <Text size={200} data-testid="form-total">
          {strings.labelled(strings.colTotal, score(project.scores.total))}
        </Text>
        <Text size={200}>{strings.labelled(strings.colGrade, project.grade ? gradeLabel(project.grade, lang) : strings.noValue)}</Text>
      </div>
      <div className={styles.flags}>
        {project.flags.length === 0 ? (
          <Text size={200}>{strings.noFlags}</Text>
        ) : (
          project.flags.map((flag) => <FormFlagBadge key={flag} flag={flag} lang={lang} />)
        )}
      </div>
      {toCheck.length > 0 && (
        <>
          <Text size={200} weight="semibold">
            {fs.indicatorsToCheck(toCheck.length)}
          </Text>
          <ul className={styles.indicators}>
            {toCheck.map((ind) => (
              <li key={ind.row} data-testid="indicator">
                <Button
                  appearance="transparent"
                  size="small"
                  className={styles.link}
                  aria-label={fs.selectIndicator(ind.name, project.sheet, ind.row)}
                  onClick={() => actions.selectIndicator(project, ind)}
                >
                  {ind.name}
                </Button>
                <div className={styles.row}>
                  <Text size={200}>{fs.targetActual(shownValue(ind.target, ind.unit, ind.direction), shownValue(ind.actual, ind.unit))}</Text>
                </div>
                <div className={styles.row}>
                  <Text size={200}>{strings.labelled(fs.weight, score(ind.weight))}</Text>
                  <Text size={200}>{strings.labelled(fs.stated, score(ind.statedScore))}</Text>
                  <Text size={200}>{strings.labelled(fs.computed, score(ind.score))}</Text>
                </div>
                <div className={styles.flags}>
                  {ind.flags.map((flag) => (
                    <IndicatorFlagBadge key={flag} flag={flag} lang={lang} />
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
}
