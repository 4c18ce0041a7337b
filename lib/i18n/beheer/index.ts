import annual from './annual.json';
import auth from './auth.json';
import common from './common.json';
import exportTexts from './export.json';
import file from './file.json';
import inbox from './inbox.json';
import measures from './measures.json';
import register from './register.json';
import reports from './reports.json';
import settings from './settings.json';
import steps from './steps.json';
import post from './post.json';
import mailIn from './mailin.json';
import privacy from './privacy.json';

/**
 * The back-office texts (Dutch only: it is used by the organisation's own staff). One file per area, available under
 * the `beheer` namespace: `getTranslations('beheer.inbox')`.
 */
export const beheerMessages = { common, auth, inbox, file, register, settings, steps, measures, reports, export: exportTexts, annual, post, mailIn, privacy };
