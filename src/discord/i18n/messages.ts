import { summaryLanguage, type SummaryLanguage } from '../../summaries/phrases.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { it } from './it.ts';
import { pt } from './pt.ts';
import type { Messages } from './types.ts';

const byLanguage: Record<SummaryLanguage, Messages> = { en, fr, de, es, it, pt };

export function messagesFor(language: string): Messages {
  return byLanguage[summaryLanguage(language)];
}

export function pausedReasonText(messages: Messages, reason: string): string {
  return messages.pausedReasons[reason] ?? reason;
}
