// The ribbon command's language from Office's display language ("zh-CN" → zh, else en).
import type { Lang } from '../engine/types';

export function langOf(displayLanguage: string | undefined | null): Lang {
  return (displayLanguage ?? '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
