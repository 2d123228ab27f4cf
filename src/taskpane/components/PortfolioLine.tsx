// Σbudget, Σactual, the fund-weighted portfolio rate and the grade counts.
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Evaluation, Lang } from '../../engine/types';
import { GRADES } from '../../engine/types';
import { gradeLabel } from '../../engine/messages';
import { formatAmount, formatRate } from '../format';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, margin: 0 },
  value: { margin: 0, fontVariantNumeric: 'tabular-nums' },
  grades: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/** What the line shows: a table's evaluation, or the forms layout's (same totals, grades and unit). */
export type PortfolioFigures = Pick<Evaluation, 'unit' | 'grades'> & { totals: Pick<Evaluation['totals'], 'budget' | 'actual' | 'usageRate' | 'projects' | 'flagged'> };

export function PortfolioLine({ evaluation, strings, lang }: { evaluation: PortfolioFigures; strings: Strings; lang: Lang }) {
  const styles = useStyles();
  const { totals } = evaluation;
  const label = (text: string) => (evaluation.unit ? strings.withUnit(text, strings.unitsShort[evaluation.unit]) : text);
  return (
    <div>
      <dl className={styles.grid}>
        <dt>{label(strings.portfolioBudget)}</dt>
        <dd className={styles.value}>{formatAmount(totals.budget, strings.locale, strings.noValue)}</dd>
        <dt>{label(strings.portfolioActual)}</dt>
        <dd className={styles.value}>{formatAmount(totals.actual, strings.locale, strings.noValue)}</dd>
        <dt>{strings.portfolioRate}</dt>
        <dd className={styles.value} data-testid="portfolio-rate">
          {formatRate(totals.usageRate, strings.locale, strings.noBudget)}
        </dd>
      </dl>
      <Text size={200}>{strings.projectsCount(totals.projects, totals.flagged)}</Text>
      <div className={styles.grades} aria-label={strings.colGrade}>
        {GRADES.map((grade) => (
          <Text key={grade} size={200}>
            {strings.gradeCount(gradeLabel(grade, lang), evaluation.grades[grade])}
          </Text>
        ))}
      </div>
    </div>
  );
}
