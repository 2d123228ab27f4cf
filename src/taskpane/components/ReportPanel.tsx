// The self-evaluation report: "Draft report" writes it to its sheet (and offers the .docx where the
// host allows downloads); "Check report" reads an officer's .docx / .txt and lists what differs.
import { useRef, useState } from 'react';
import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, Spinner, Subtitle2, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { ClipboardPaste20Regular } from '@fluentui/react-icons/svg/clipboard-paste';
import { ArrowDownload20Regular } from '@fluentui/react-icons/svg/arrow-download';
import { Dismiss20Regular } from '@fluentui/react-icons/svg/dismiss';
import { DocumentSearch20Regular } from '@fluentui/react-icons/svg/document-search';
import { DocumentText20Regular } from '@fluentui/react-icons/svg/document-text';
import type { Lang } from '../../engine/types';
import { errorText } from '../errorText';
import type { ReportActions, ReportNotice, ReportState } from '../hooks/useReport';
import type { ReportStrings } from '../strings/report';
import type { Strings } from '../strings';
import { ReportFindings } from './ReportFindings';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  file: { display: 'none' },
});

export interface ReportPanelProps {
  report: ReportState & { actions: ReportActions };
  strings: Strings;
  reportStrings: ReportStrings;
  lang: Lang;
  /** The host saves a downloaded file (Excel on the web). */
  canDownload: boolean;
  /** The port can write the report sheet. */
  canDraft: boolean;
  disabled: boolean;
  onSelect(project: { index: number; row: number }): void;
}

function noticeText(notice: ReportNotice, rs: ReportStrings, strings: Strings, lang: Lang): string {
  switch (notice.kind) {
    case 'drafted':
      return [rs.drafted(notice.sheet), ...(notice.keptSheets.length > 0 ? [rs.keptSheets(notice.keptSheets.join(rs.listSeparator))] : [])].join(' ');
    case 'unreadable':
      return rs.unreadable(notice.file);
    case 'notSupported':
      return rs.notSupported(notice.file);
    default:
      return errorText(notice.error, strings, lang);
  }
}

export function ReportPanel({ report, strings, reportStrings: rs, lang, canDownload, canDraft, disabled, onSelect }: ReportPanelProps) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const [pasting, setPasting] = useState(false);
  const [pasted, setPasted] = useState('');
  const busy = report.busy !== null || disabled;
  const { notice } = report;
  return (
    <section className={styles.panel} aria-label={rs.title}>
      <Subtitle2 as="h2">{rs.title}</Subtitle2>
      <Text size={200}>{rs.draftHint}</Text>
      <div className={styles.buttons}>
        {canDraft && (
          <Button icon={<DocumentText20Regular />} disabled={busy} onClick={report.actions.draft}>
            {rs.draft}
          </Button>
        )}
        {canDownload && report.draft && (
          <Button icon={<ArrowDownload20Regular />} disabled={busy} onClick={report.actions.download}>
            {rs.download}
          </Button>
        )}
        <Button icon={<DocumentSearch20Regular />} disabled={busy} title={rs.checkHint} onClick={() => fileInput.current?.click()}>
          {rs.check}
        </Button>
        <Button icon={<ClipboardPaste20Regular />} disabled={busy} aria-expanded={pasting} onClick={() => setPasting(!pasting)}>
          {rs.paste}
        </Button>
        <input
          ref={fileInput}
          className={styles.file}
          type="file"
          accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
          aria-label={rs.check}
          data-testid="report-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            // The same file picked again (after editing it) must fire a change again.
            event.target.value = '';
            if (file) report.actions.checkFile(file);
          }}
        />
      </div>
      {pasting && (
        <>
          <Field label={rs.pasteLabel}>
            <Textarea resize="vertical" rows={6} value={pasted} onChange={(_event, data) => setPasted(data.value)} />
          </Field>
          <div className={styles.buttons}>
            <Button appearance="primary" disabled={busy || pasted.trim() === ''} onClick={() => report.actions.checkText(pasted)}>
              {rs.checkPasted}
            </Button>
          </div>
        </>
      )}
      {report.busy !== null && <Spinner size="tiny" label={report.busy === 'check' ? rs.checking : rs.working} />}
      {notice && (
        <MessageBar intent={notice.kind === 'drafted' ? 'success' : 'error'} layout="multiline">
          <MessageBarBody>{noticeText(notice, rs, strings, lang)}</MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" aria-label={rs.dismiss} icon={<Dismiss20Regular />} onClick={report.actions.dismiss} />}
          />
        </MessageBar>
      )}
      {report.check && <ReportFindings check={report.check} strings={rs} lang={lang} onSelect={onSelect} />}
    </section>
  );
}
