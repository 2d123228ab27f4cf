// Styles the project list and the forms list share: a name button that wraps like text, and a line of figures.
import { tokens } from '@fluentui/react-components';

/** A subtle button holding a long project name: starts at the left, wraps anywhere, never wider than the pane. */
export const wrappingNameButton = {
  justifyContent: 'flex-start',
  textAlign: 'start',
  whiteSpace: 'normal',
  overflowWrap: 'anywhere',
  height: 'auto',
  maxWidth: '100%',
  paddingInline: 0,
  minWidth: 0,
} as const;

/** Figures side by side, wrapping on a narrow pane, digits aligned. */
export const figuresLine = { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, fontVariantNumeric: 'tabular-nums' } as const;
