// Stage text and a ProgressBar during a run, with Cancel.
import { Button, Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { Progress } from '../../engine/workbookPort';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  panel: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1 },
});

export function ProgressPanel({ progress, strings, onCancel }: { progress: Progress | null; strings: Strings; onCancel(): void }) {
  const styles = useStyles();
  const determinate = progress !== null && progress.total > 1;
  const label = progress ? strings.stages[progress.stage] : strings.working;
  const hint = determinate ? strings.progressCount(progress.done, progress.total) : undefined;
  return (
    <div className={styles.panel}>
      <Field className={styles.field} label={label} hint={hint} validationState="none">
        <ProgressBar value={determinate ? Math.min(progress.done / progress.total, 1) : undefined} />
      </Field>
      <Button onClick={onCancel}>{strings.cancel}</Button>
    </div>
  );
}
