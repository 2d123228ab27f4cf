// A flag as a badge with an icon and its text, so it never relies on colour alone.
import type { ReactElement } from 'react';
import { Badge } from '@fluentui/react-components';
import { ArrowTrendingDown16Regular } from '@fluentui/react-icons/svg/arrow-trending-down';
import { ArrowUp16Regular } from '@fluentui/react-icons/svg/arrow-up';
import { Calculator16Regular } from '@fluentui/react-icons/svg/calculator';
import { Clock16Regular } from '@fluentui/react-icons/svg/clock';
import { CommentError16Regular } from '@fluentui/react-icons/svg/comment-error';
import { ErrorCircle16Regular } from '@fluentui/react-icons/svg/error-circle';
import { MathFormula16Regular } from '@fluentui/react-icons/svg/math-formula';
import { Money16Regular } from '@fluentui/react-icons/svg/money';
import { NumberSymbol16Regular } from '@fluentui/react-icons/svg/number-symbol';
import { QuestionCircle16Regular } from '@fluentui/react-icons/svg/question-circle';
import { SubtractCircle16Regular } from '@fluentui/react-icons/svg/subtract-circle';
import { Warning16Regular } from '@fluentui/react-icons/svg/warning';
import type { Flag, Lang } from '../../engine/types';
import { flagLabel } from '../../engine/messages';

type BadgeColor = 'danger' | 'warning' | 'informative' | 'important';

const LOOK: Record<Flag, { icon: ReactElement; color: BadgeColor }> = {
  under_execution: { icon: <ArrowTrendingDown16Regular />, color: 'warning' },
  over_budget: { icon: <ArrowUp16Regular />, color: 'danger' },
  zero_budget: { icon: <Money16Regular />, color: 'informative' },
  missing_value: { icon: <QuestionCircle16Regular />, color: 'danger' },
  negative_value: { icon: <SubtractCircle16Regular />, color: 'danger' },
  rate_mismatch: { icon: <MathFormula16Regular />, color: 'warning' },
  total_mismatch: { icon: <Calculator16Regular />, color: 'warning' },
  score_over_weight: { icon: <NumberSymbol16Regular />, color: 'danger' },
  low_score: { icon: <ErrorCircle16Regular />, color: 'danger' },
  missing_explanation: { icon: <CommentError16Regular />, color: 'informative' },
  monitoring_yellow: { icon: <Clock16Regular />, color: 'warning' },
  monitoring_red: { icon: <Warning16Regular />, color: 'danger' },
};

export function FlagBadge({ flag, lang }: { flag: Flag; lang: Lang }) {
  const look = LOOK[flag];
  return (
    <Badge appearance="tint" color={look.color} icon={look.icon} data-flag={flag}>
      {flagLabel(flag, lang)}
    </Badge>
  );
}
