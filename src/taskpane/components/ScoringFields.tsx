// What a layout is scored with: the scheme and the usage-rate band, the same in the table pane and the forms layout.
import type { Settings } from '../../engine/workbookPort';
import type { Lang, RateBand, Scheme } from '../../engine/types';
import type { Strings } from '../strings';
import { BandFields } from './BandFields';
import { SchemeField } from './SchemeField';

export interface ScoringActions {
  setScheme(schemeId: string): void;
  setCustomScheme(scheme: Scheme): void;
  setBand(band: RateBand): void;
}

export interface ScoringFieldsProps {
  strings: Strings;
  lang: Lang;
  settings: Settings;
  disabled: boolean;
  actions: ScoringActions;
}

export function ScoringFields({ strings, lang, settings, disabled, actions }: ScoringFieldsProps) {
  return (
    <>
      <SchemeField strings={strings} lang={lang} settings={settings} disabled={disabled} onScheme={actions.setScheme} onCustomScheme={actions.setCustomScheme} />
      <BandFields strings={strings} band={settings.band} disabled={disabled} onBand={actions.setBand} />
    </>
  );
}
