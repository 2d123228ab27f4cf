// Which sheet holds the project table; changing it re-reads and re-detects, writing nothing.
import { Dropdown, Field, Option } from '@fluentui/react-components';
import type { Strings } from '../strings';

export interface SheetFieldProps {
  strings: Strings;
  sheets: string[];
  current: string | null;
  disabled: boolean;
  onSheet(sheet: string): void;
}

export function SheetField({ strings, sheets, current, disabled, onSheet }: SheetFieldProps) {
  return (
    <Field label={strings.sourceSheet}>
      <Dropdown
        value={current ?? ''}
        selectedOptions={current ? [current] : []}
        clearButton={{ 'aria-label': strings.clearSelection }}
        disabled={disabled}
        onOptionSelect={(_event, data) => {
          if (data.optionValue && data.optionValue !== current) onSheet(data.optionValue);
        }}
      >
        {sheets.map((sheet) => (
          <Option key={sheet} value={sheet} text={sheet}>
            {sheet}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
