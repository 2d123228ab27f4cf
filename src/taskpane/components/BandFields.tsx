// The usage-rate band in percent; a value is committed when it is valid and the field loses focus.
import { useEffect, useState } from 'react';
import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { RateBand } from '../../engine/types';
import type { SchemeIssue } from '../../engine/schemeIssues';
import { checkBand } from '../../engine/schemes';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalS },
  fill: { minWidth: 0, width: '100%', boxSizing: 'border-box' },
});

const toPercentText = (fraction: number) => String(Math.round(fraction * 10000) / 100);

interface PercentInputProps {
  className: string;
  value: string;
  disabled: boolean;
  onChange(value: string): void;
  onCommit(): void;
}

function PercentInput({ className, value, disabled, onChange, onCommit }: PercentInputProps) {
  return (
    <Input
      className={className}
      type="number"
      inputMode="decimal"
      value={value}
      disabled={disabled}
      onChange={(_event, data) => onChange(data.value)}
      onBlur={onCommit}
      onKeyDown={(event) => event.key === 'Enter' && onCommit()}
    />
  );
}

export interface BandFieldsProps {
  strings: Strings;
  band: RateBand;
  disabled: boolean;
  onBand(band: RateBand): void;
}

export function BandFields({ strings, band, disabled, onBand }: BandFieldsProps) {
  const styles = useStyles();
  const [low, setLow] = useState(toPercentText(band.low));
  const [high, setHigh] = useState(toPercentText(band.high));
  // Kept as coded issues, so a language switch renders them anew.
  const [problems, setProblems] = useState<{ unreadable: boolean; issues: SchemeIssue[] }>({ unreadable: false, issues: [] });

  useEffect(() => {
    setLow(toPercentText(band.low));
    setHigh(toPercentText(band.high));
  }, [band.low, band.high]);

  const commit = () => {
    const next = { low: Number(low) / 100, high: Number(high) / 100 };
    const invalid = low.trim() === '' || high.trim() === '' || !Number.isFinite(next.low) || !Number.isFinite(next.high);
    const issues = invalid ? [] : checkBand(next);
    setProblems({ unreadable: invalid, issues });
    if (!invalid && issues.length === 0 && (next.low !== band.low || next.high !== band.high)) onBand(next);
  };
  const texts = problems.unreadable ? [strings.bandInvalid] : problems.issues.map(strings.schemeIssue);
  const message = texts.length > 0 ? texts.join(strings.problemSeparator) : undefined;

  return (
    <div className={styles.row}>
      <Field label={strings.bandLow} validationState={message ? 'error' : 'none'} validationMessage={message}>
        <PercentInput className={styles.fill} value={low} disabled={disabled} onChange={setLow} onCommit={commit} />
      </Field>
      <Field label={strings.bandHigh}>
        <PercentInput className={styles.fill} value={high} disabled={disabled} onChange={setHigh} onCommit={commit} />
      </Field>
    </div>
  );
}
