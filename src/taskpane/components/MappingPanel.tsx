// The detected mapping, header row, unit, scheme and band; every change goes to onChange handlers.
import { Dropdown, Field, Option, SpinButton, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Settings } from '../../engine/workbookPort';
import type { HeaderDetection, Lang, MappingOverride, Role, SheetData, Unit } from '../../engine/types';
import { ROLES } from '../../engine/types';
import { roleLabel } from '../../engine/messages';
import { colLetter } from '../../engine/address';
import type { Strings } from '../strings';
import { ColumnField, type ColumnOption } from './ColumnField';
import { ScoringFields, type ScoringActions } from './ScoringFields';

const REQUIRED: readonly Role[] = ['project', 'budget', 'actual'];
const UNITS: readonly Unit[] = ['万元', '元', '千元'];
const UNIT_NONE = '';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // minmax(0, …): the pane is ~320 px wide and Fluent's inputs would otherwise keep their intrinsic width.
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalS },
  fill: { minWidth: 0, width: '100%', boxSizing: 'border-box' },
});

export interface MappingPanelProps {
  strings: Strings;
  lang: Lang;
  source: SheetData;
  detection: HeaderDetection | null;
  settings: Settings;
  disabled: boolean;
  onOverride(override: MappingOverride): void;
  scoring: ScoringActions;
}

export function MappingPanel(props: MappingPanelProps) {
  const { strings, lang, source, detection, settings, disabled } = props;
  const styles = useStyles();
  const override = settings.override ?? {};
  const options: ColumnOption[] = (detection?.headers ?? []).map((header, column) => ({
    column,
    label: strings.columnOption(colLetter(source.origin.col + column), header.trim() || strings.emptyHeader),
  }));

  const setColumn = (role: Role, column: number | null) =>
    props.onOverride({ ...override, columns: { ...override.columns, [role]: column } });

  const headerSheetRow = detection ? source.origin.row + detection.headerRow : source.origin.row;
  const lastSheetRow = source.origin.row + Math.max(source.grid.length, 1) - 1;
  const setHeaderRow = (sheetRow: number) => {
    if (!Number.isFinite(sheetRow)) return;
    const clamped = Math.min(Math.max(Math.round(sheetRow), source.origin.row), lastSheetRow);
    props.onOverride({ ...override, headerRow: clamped - source.origin.row });
  };

  const unitValue = detection?.unit ?? UNIT_NONE;
  const unitText = (unit: string) => (unit === UNIT_NONE ? strings.unitNotStated : strings.units[unit as Unit]);

  return (
    <section className={styles.panel} aria-label={strings.mappingTitle}>
      <Subtitle2 as="h2">{strings.mappingTitle}</Subtitle2>
      <Text size={200}>{strings.sourceInfo(source.source ?? { sheet: source.name, kind: 'sheet' }, source.grid.length)}</Text>
      <div className={styles.row}>
        <Field label={strings.headerRow} hint={strings.headerRowHint(headerSheetRow)}>
          <SpinButton
            className={styles.fill}
            value={headerSheetRow}
            min={source.origin.row}
            max={lastSheetRow}
            disabled={disabled || !detection}
            incrementButton={{ 'aria-label': strings.spinUp }}
            decrementButton={{ 'aria-label': strings.spinDown }}
            onChange={(_event, data) => {
              const typed = data.value ?? (data.displayValue !== undefined ? Number.parseInt(data.displayValue, 10) : NaN);
              if (typeof typed === 'number') setHeaderRow(typed);
            }}
          />
        </Field>
        <Field label={strings.unit}>
          <Dropdown
            className={styles.fill}
            value={unitText(unitValue)}
            selectedOptions={[unitValue]}
            clearButton={{ 'aria-label': strings.clearSelection }}
            disabled={disabled || !detection}
            onOptionSelect={(_event, data) => {
              const value = data.optionValue ?? UNIT_NONE;
              props.onOverride({ ...override, unit: value === UNIT_NONE ? null : (value as Unit) });
            }}
          >
            {[UNIT_NONE, ...UNITS].map((unit) => (
              <Option key={unit} value={unit} text={unitText(unit)}>
                {unitText(unit)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      {ROLES.map((role) => (
        <ColumnField
          key={role}
          role={role}
          label={roleLabel(role, lang)}
          choice={detection?.mapping[role]}
          options={options}
          required={REQUIRED.includes(role)}
          missing={detection?.missing.includes(role) ?? false}
          strings={strings}
          disabled={disabled || !detection}
          onChange={setColumn}
        />
      ))}
      <ScoringFields strings={strings} lang={lang} settings={settings} disabled={disabled} actions={props.scoring} />
    </section>
  );
}
