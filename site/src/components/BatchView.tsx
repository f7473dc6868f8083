// The batch route: a button to pick many files, and the batch the session holds.
import type { CheckSession } from '../session.ts';
import { useValue } from '../store.ts';
import { BatchPage } from './BatchPage.tsx';
import { t } from '../i18n.ts';

export function BatchView({ session, onPickFiles }: { session: CheckSession; onPickFiles(): void }) {
  const lang = useValue(session.lang);
  const items = useValue(session.batch);
  return (
    <>
      <div class="input-actions">
        <button type="button" class="primary" onClick={onPickFiles}>
          {t('pickFiles', lang)}
        </button>
      </div>
      <BatchPage items={items} lang={lang} />
    </>
  );
}
