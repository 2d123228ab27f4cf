// Actions, the auto-refresh switch, the last refresh time and the stale indicator.
import { Badge, Button, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSync20Regular } from '@fluentui/react-icons/svg/arrow-sync';
import { DocumentTable20Regular } from '@fluentui/react-icons/svg/document-table';
import { Eraser20Regular } from '@fluentui/react-icons/svg/eraser';
import { Play20Regular } from '@fluentui/react-icons/svg/play';
import { Warning16Regular } from '@fluentui/react-icons/svg/warning';
import type { RefreshState } from '../stores/refreshController';
import { formatTime } from '../format';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  bar: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  status: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface ToolbarProps {
  strings: Strings;
  refresh: RefreshState;
  hasResults: boolean;
  actions: ToolbarActions;
}

export interface ToolbarActions {
  evaluate(): void;
  writeSummary(): void;
  /** The table's highlights, or the forms' marks. */
  clearHighlights(): void;
  refresh(): void;
  setAutoRefresh(on: boolean): void;
}

export function Toolbar(props: ToolbarProps) {
  const { strings, refresh, hasResults, actions } = props;
  const styles = useStyles();
  const busy = refresh.phase === 'running';
  return (
    <section className={styles.bar} aria-label={strings.appTitle}>
      <div className={styles.buttons}>
        <Button appearance="primary" icon={<Play20Regular />} disabled={busy} onClick={actions.evaluate}>
          {strings.evaluate}
        </Button>
        <Button icon={<DocumentTable20Regular />} disabled={busy} onClick={actions.writeSummary}>
          {strings.writeSummary}
        </Button>
        <Button icon={<Eraser20Regular />} disabled={!hasResults || busy} onClick={actions.clearHighlights}>
          {strings.clearHighlights}
        </Button>
        <Button icon={<ArrowSync20Regular />} disabled={busy} onClick={actions.refresh}>
          {strings.refresh}
        </Button>
      </div>
      <div className={styles.status}>
        <Switch
          label={strings.autoRefresh}
          checked={refresh.autoRefresh}
          onChange={(_event, data) => actions.setAutoRefresh(data.checked)}
        />
        <Text size={200}>
          {refresh.lastRefreshed ? strings.lastRefreshed(formatTime(refresh.lastRefreshed, strings.locale)) : strings.neverRefreshed}
        </Text>
      </div>
      {refresh.stale && (
        <Badge appearance="tint" color="warning" icon={<Warning16Regular />} role="status">
          {strings.stale}
        </Badge>
      )}
    </section>
  );
}
