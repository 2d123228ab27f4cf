// MessageBars: where the pane runs (outside Excel, missing API sets) and the outcome of the last action.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons/svg/dismiss';
import type { Lang } from '../../engine/types';
import { errorText } from '../errorText';
import type { PaneHost } from '../hostInfo';
import type { PaneNotice } from '../stores/paneStore';
import type { Strings } from '../strings';

export function HostNotices({ host, strings }: { host: PaneHost; strings: Strings }) {
  if (!host.inExcel) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{strings.outsideExcelTitle}</MessageBarTitle>
          {strings.outsideExcelBody}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (host.missingApiSets.length > 0) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{strings.apiMissingTitle}</MessageBarTitle>
          {strings.apiMissingBody(host.missingApiSets.join(', '))}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}

export interface NoticeBarProps {
  notice: PaneNotice;
  strings: Strings;
  lang: Lang;
  onDismiss(): void;
}

export function NoticeBar({ notice, strings, lang, onDismiss }: NoticeBarProps) {
  const intent = notice.kind === 'error' ? 'error' : notice.kind === 'cancelled' ? 'warning' : 'success';
  const body =
    notice.kind === 'error'
      ? errorText(notice.error, strings, lang)
      : notice.kind === 'summaryWritten'
        ? strings.summaryWritten(notice.sheet)
        : notice.kind === 'highlightsCleared'
          ? strings.highlightsCleared
          : strings.cancelled;
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        {notice.kind === 'error' && <MessageBarTitle>{strings.errorTitle}</MessageBarTitle>}
        {body}
      </MessageBarBody>
      <MessageBarActions
        containerAction={<Button appearance="transparent" aria-label={strings.dismiss} icon={<Dismiss20Regular />} onClick={onDismiss} />}
      />
    </MessageBar>
  );
}
