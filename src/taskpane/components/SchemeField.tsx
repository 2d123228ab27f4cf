// Scoring scheme: the built-in ones, a custom one if loaded, and a dialog to paste a custom JSON scheme.
import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Option,
  Textarea,
} from '@fluentui/react-components';
import type { Settings } from '../../engine/workbookPort';
import type { Lang, Scheme } from '../../engine/types';
import type { SchemeIssue } from '../../engine/schemeIssues';
import { checkScheme, listBuiltinSchemes } from '../../engine/schemes';
import type { Strings } from '../strings';

const CUSTOM = '__custom__';

export interface SchemeFieldProps {
  strings: Strings;
  lang: Lang;
  settings: Settings;
  disabled: boolean;
  onScheme(schemeId: string): void;
  onCustomScheme(scheme: Scheme): void;
}

export function SchemeField({ strings, lang, settings, disabled, onScheme, onCustomScheme }: SchemeFieldProps) {
  const [dialogOpen, setDialogOpen] = useState(false);
  const [text, setText] = useState('');
  // Kept as coded issues, so a language switch renders them anew.
  const [issues, setIssues] = useState<SchemeIssue[]>([]);
  const schemes: Scheme[] = listBuiltinSchemes();
  if (settings.customScheme && !schemes.some((s) => s.id === settings.customScheme?.id)) schemes.push(settings.customScheme);
  const selected = schemes.find((s) => s.id === settings.schemeId);

  const apply = () => {
    const checked = checkScheme(text);
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    setIssues([]);
    setDialogOpen(false);
    onCustomScheme(checked.scheme);
  };

  return (
    <>
      <Field label={strings.scheme}>
        <Dropdown
          value={selected ? selected.name[lang] : settings.schemeId}
          selectedOptions={[settings.schemeId]}
          clearButton={{ 'aria-label': strings.clearSelection }}
          disabled={disabled}
          onOptionSelect={(_event, data) => {
            if (data.optionValue === CUSTOM) {
              setText(settings.customScheme ? JSON.stringify(settings.customScheme, null, 2) : '');
              setIssues([]);
              setDialogOpen(true);
            } else if (data.optionValue) {
              onScheme(data.optionValue);
            }
          }}
        >
          {schemes.map((scheme) => (
            <Option key={scheme.id} value={scheme.id} text={scheme.name[lang]}>
              {scheme.name[lang]}
            </Option>
          ))}
          <Option value={CUSTOM} text={strings.customScheme}>
            {strings.customScheme}
          </Option>
        </Dropdown>
      </Field>
      <Dialog open={dialogOpen} onOpenChange={(_event, data) => setDialogOpen(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{strings.customScheme}</DialogTitle>
            <DialogContent>
              <Field
                label={strings.customSchemeLabel}
                validationState={issues.length > 0 ? 'error' : 'none'}
                validationMessage={issues.length > 0 ? `${strings.customSchemeInvalid} ${issues.map(strings.schemeIssue).join(strings.problemSeparator)}` : undefined}
              >
                <Textarea value={text} rows={10} resize="vertical" onChange={(_event, data) => setText(data.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={apply}>
                {strings.customSchemeApply}
              </Button>
              <Button onClick={() => setDialogOpen(false)}>{strings.customSchemeCancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
