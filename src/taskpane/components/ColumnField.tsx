// One role's column choice: a Dropdown listing the sheet's header texts, the detected one selected.
import { Badge, Dropdown, Field, Option } from '@fluentui/react-components';
import { Warning16Regular } from '@fluentui/react-icons/svg/warning';
import type { ColumnChoice, Role } from '../../engine/types';
import type { Strings } from '../strings';

const UNCERTAIN_BELOW = 0.6;
const NONE = '';

export interface ColumnOption {
  /** 0-based grid column. */
  column: number;
  label: string;
}

export interface ColumnFieldProps {
  role: Role;
  label: string;
  choice: ColumnChoice | undefined;
  options: ColumnOption[];
  required: boolean;
  missing: boolean;
  strings: Strings;
  disabled: boolean;
  onChange(role: Role, column: number | null): void;
}

export function ColumnField({ role, label, choice, options, required, missing, strings, disabled, onChange }: ColumnFieldProps) {
  const uncertain = choice !== undefined && choice.confidence < UNCERTAIN_BELOW;
  const selected = choice ? String(choice.column) : NONE;
  const selectedLabel = choice ? (options.find((o) => o.column === choice.column)?.label ?? '') : strings.noColumn;
  const fieldLabel = (
    <span>
      {label}
      {uncertain && (
        <Badge appearance="tint" color="warning" size="small" icon={<Warning16Regular />} style={{ marginInlineStart: 6 }}>
          {strings.uncertain}
        </Badge>
      )}
    </span>
  );
  return (
    <Field
      label={fieldLabel}
      required={required}
      validationState={missing ? 'error' : uncertain ? 'warning' : 'none'}
      validationMessage={missing ? strings.roleMissing : uncertain ? strings.uncertainHint : undefined}
    >
      <Dropdown
        data-role={role}
        value={selectedLabel}
        selectedOptions={[selected]}
        clearButton={{ 'aria-label': strings.clearSelection }}
        disabled={disabled}
        onOptionSelect={(_event, data) => {
          const value = data.optionValue ?? NONE;
          onChange(role, value === NONE ? null : Number(value));
        }}
      >
        <Option value={NONE} text={strings.noColumn}>
          {strings.noColumn}
        </Option>
        {options.map((option) => (
          <Option key={option.column} value={String(option.column)} text={option.label}>
            {option.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
