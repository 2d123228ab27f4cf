// The evaluation: portfolio line, sheet checks and the project list.
import { Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Evaluation, Lang } from '../../engine/types';
import { roleLabel } from '../../engine/messages';
import { formatAmount } from '../format';
import type { Strings } from '../strings';
import { PortfolioLine } from './PortfolioLine';
import { ProjectList } from './ProjectList';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  checks: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export interface ResultsPanelProps {
  evaluation: Evaluation;
  strings: Strings;
  lang: Lang;
  notApplied: boolean;
  onSelect(row: number): void;
}

export function ResultsPanel({ evaluation, strings, lang, notApplied, onSelect }: ResultsPanelProps) {
  const styles = useStyles();
  return (
    <section className={styles.panel} aria-label={strings.resultsTitle}>
      <Subtitle2 as="h2">{strings.resultsTitle}</Subtitle2>
      {notApplied && <Text size={200}>{strings.notApplied}</Text>}
      <PortfolioLine evaluation={evaluation} strings={strings} lang={lang} />
      {evaluation.checks.length > 0 && (
        <div>
          <Text weight="semibold">{strings.checksTitle}</Text>
          <ul className={styles.checks}>
            {evaluation.checks.map((check) => (
              <li key={`${check.row}-${check.column}`}>
                {strings.checkSumMismatch(
                  check.row,
                  roleLabel(check.column, lang),
                  formatAmount(check.stated, strings.locale, strings.noValue),
                  formatAmount(check.computed, strings.locale, strings.noValue),
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ProjectList projects={evaluation.projects} strings={strings} lang={lang} onSelect={onSelect} />
    </section>
  );
}
