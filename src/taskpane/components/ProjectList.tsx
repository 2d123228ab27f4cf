// Projects, flagged first, filterable; clicking a name selects its row in the sheet.
import { useDeferredValue, useMemo, useState } from 'react';
import { Button, SearchBox, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang, ProjectResult } from '../../engine/types';
import { gradeLabel } from '../../engine/messages';
import { formatRate, formatScore } from '../format';
import type { Strings } from '../strings';
import { FlagBadge } from './FlagBadge';
import { figuresLine, wrappingNameButton } from './listStyles';

/** Rendering more rows than this only slows the pane; the filter narrows the list. */
const MAX_SHOWN = 200;

const useStyles = makeStyles({
  filters: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXS,
  },
  name: {
    ...wrappingNameButton,
    fontWeight: tokens.fontWeightSemibold,
  },
  numbers: figuresLine,
  flags: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXXS },
});

export interface ProjectListProps {
  projects: ProjectResult[];
  strings: Strings;
  lang: Lang;
  onSelect(row: number): void;
}

/** Flagged projects first, each group in sheet order. */
export function orderProjects(projects: readonly ProjectResult[]): ProjectResult[] {
  const flagged: ProjectResult[] = [];
  const clean: ProjectResult[] = [];
  for (const project of projects) (project.flags.length > 0 ? flagged : clean).push(project);
  return flagged.concat(clean);
}

export function ProjectList({ projects, strings, lang, onSelect }: ProjectListProps) {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const deferredQuery = useDeferredValue(query);
  const ordered = useMemo(() => orderProjects(projects), [projects]);
  const matching = useMemo(() => {
    const needle = deferredQuery.trim().toLowerCase();
    return ordered.filter(
      (p) => (!flaggedOnly || p.flags.length > 0) && (needle === '' || p.name.toLowerCase().includes(needle)),
    );
  }, [ordered, deferredQuery, flaggedOnly]);
  const shown = matching.slice(0, MAX_SHOWN);

  return (
    <div>
      <div className={styles.filters}>
        <SearchBox
          aria-label={strings.filterLabel}
          placeholder={strings.filterPlaceholder}
          value={query}
          onChange={(_event, data) => setQuery(data.value)}
        />
        <Switch label={strings.flaggedOnly} checked={flaggedOnly} onChange={(_event, data) => setFlaggedOnly(data.checked)} />
        <Text size={200} role="status">
          {strings.showing(shown.length, matching.length)}
        </Text>
      </div>
      {shown.length === 0 ? (
        <Text>{strings.noMatch}</Text>
      ) : (
        <ul className={styles.list} aria-label={strings.resultsTitle}>
          {shown.map((project) => (
            <li key={project.row} className={styles.item} data-testid="project">
              <Button
                appearance="transparent"
                className={styles.name}
                aria-label={strings.selectRow(project.name, project.row)}
                onClick={() => onSelect(project.row)}
              >
                {project.name}
              </Button>
              <div className={styles.numbers}>
                <Text size={200}>
                  {strings.labelled(strings.colRate, formatRate(project.usageRate, strings.locale, strings.noBudget))}
                </Text>
                <Text size={200}>
                  {strings.labelled(strings.colTotal, formatScore(project.scores.total, strings.locale, strings.noValue))}
                </Text>
                <Text size={200}>
                  {strings.labelled(strings.colGrade, project.grade ? gradeLabel(project.grade, lang) : strings.noValue)}
                </Text>
              </div>
              <div className={styles.flags}>
                {project.flags.length === 0 ? (
                  <Text size={200}>{strings.noFlags}</Text>
                ) : (
                  project.flags.map((flag) => <FlagBadge key={flag} flag={flag} lang={lang} />)
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
