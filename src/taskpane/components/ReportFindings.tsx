// The check of an officer's report: one line per finding in words (section, paragraph, what the report
// says, what the workbook says), with a jump to the project's row where the finding has one.
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowRight20Regular } from '@fluentui/react-icons/svg/arrow-right';
import { findingSentence } from '../../engine/report/check/text';
import type { Lang } from '../../engine/types';
import type { ReportCheck } from '../hooks/useReport';
import type { ReportStrings } from '../strings/report';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  sentence: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
});

export interface ReportFindingsProps {
  check: ReportCheck;
  strings: ReportStrings;
  lang: Lang;
  /** Jumps to the finding's project (0-based index in the evaluation, 1-based sheet row). */
  onSelect(project: { index: number; row: number }): void;
}

export function ReportFindings({ check, strings, lang, onSelect }: ReportFindingsProps) {
  const styles = useStyles();
  const file = check.file ?? strings.pastedText;
  if (check.findings.length === 0) {
    return (
      <Text role="status" data-testid="report-clean">
        {strings.checkClean(file)}
      </Text>
    );
  }
  return (
    <section aria-label={strings.checkTitle(file)}>
      <Text weight="semibold" role="status">
        {strings.checkSummary(file, check.findings.length)}
      </Text>
      <ul className={styles.list}>
        {check.findings.map((f, i) => (
          <li key={`${f.code}-${f.line}-${i}`} className={styles.item} data-testid="report-finding">
            <Text size={200} className={styles.sentence}>
              {findingSentence(f, lang)}
            </Text>
            {f.project && f.project.row > 0 && (
              <Button
                size="small"
                appearance="subtle"
                icon={<ArrowRight20Regular />}
                aria-label={strings.goTo(f.project.name, f.project.row)}
                title={strings.goTo(f.project.name, f.project.row)}
                onClick={() => onSelect(f.project!)}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
