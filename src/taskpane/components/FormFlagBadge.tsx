// A form's or an indicator's flag as a badge with an icon and its text (never colour alone). The
// flags a table shares keep FlagBadge's look.
import type { ReactElement } from 'react';
import { Badge } from '@fluentui/react-components';
import { Calculator16Regular } from '@fluentui/react-icons/svg/calculator';
import { CommentError16Regular } from '@fluentui/react-icons/svg/comment-error';
import { DataTrending16Regular } from '@fluentui/react-icons/svg/data-trending';
import { ErrorCircle16Regular } from '@fluentui/react-icons/svg/error-circle';
import { Money16Regular } from '@fluentui/react-icons/svg/money';
import { NumberSymbol16Regular } from '@fluentui/react-icons/svg/number-symbol';
import { QuestionCircle16Regular } from '@fluentui/react-icons/svg/question-circle';
import { Scales16Regular } from '@fluentui/react-icons/svg/scales';
import { TaskListSquareLtr16Regular } from '@fluentui/react-icons/svg/task-list-square-ltr';
import type { FormFlag, IndicatorFlag } from '../../engine/forms/formTypes';
import type { Flag, Lang } from '../../engine/types';
import { formFlagLabel, indicatorFlagLabel } from '../../engine/forms/formMessages';
import { FlagBadge } from './FlagBadge';

type BadgeColor = 'danger' | 'warning' | 'informative' | 'important';

const FORM_LOOK: Record<Exclude<FormFlag, Flag>, { icon: ReactElement; color: BadgeColor }> = {
  weights_mismatch: { icon: <Scales16Regular />, color: 'warning' },
  indicator_flags: { icon: <TaskListSquareLtr16Regular />, color: 'warning' },
  fund_total_mismatch: { icon: <Money16Regular />, color: 'danger' },
  execution_score_mismatch: { icon: <Calculator16Regular />, color: 'warning' },
};

const INDICATOR_LOOK: Record<IndicatorFlag, { icon: ReactElement; color: BadgeColor }> = {
  score_over_weight: { icon: <NumberSymbol16Regular />, color: 'danger' },
  score_mismatch: { icon: <Calculator16Regular />, color: 'danger' },
  missing_explanation: { icon: <CommentError16Regular />, color: 'warning' },
  over_achievement: { icon: <DataTrending16Regular />, color: 'informative' },
  unreadable_value: { icon: <QuestionCircle16Regular />, color: 'danger' },
};

export function FormFlagBadge({ flag, lang }: { flag: FormFlag; lang: Lang }) {
  if (!(flag in FORM_LOOK)) return <FlagBadge flag={flag as Flag} lang={lang} />;
  const look = FORM_LOOK[flag as Exclude<FormFlag, Flag>];
  return (
    <Badge appearance="tint" color={look.color} icon={look.icon} data-flag={flag}>
      {formFlagLabel(flag, lang)}
    </Badge>
  );
}

export function IndicatorFlagBadge({ flag, lang }: { flag: IndicatorFlag; lang: Lang }) {
  const look = INDICATOR_LOOK[flag] ?? { icon: <ErrorCircle16Regular />, color: 'warning' as const };
  return (
    <Badge appearance="tint" color={look.color} icon={look.icon} data-flag={flag} size="small">
      {indicatorFlagLabel(flag, lang)}
    </Badge>
  );
}
