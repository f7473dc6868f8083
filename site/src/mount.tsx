// The site mounted into a page: its own index.html, and the extension's checker page, which opens the
// file it was handed (or says why it has none). One export, so neither reaches into the components.
import type { PictureArticle } from './ocr/article.ts';
import { render } from 'preact';
import { App, initialLang } from './App.tsx';
import { createCheckSession, type CheckSession } from './session.ts';
import type { HistoryDb } from './history.ts';

export type MountOptions = {
  db?: HistoryDb | undefined;
  /** a file to check at once */
  openOnStart?: File | PictureArticle | undefined;
  /** why there is no file to check, shown as a failed open */
  problem?: string | undefined;
};

export function mountSite(root: Element, { db, openOnStart, problem }: MountOptions = {}): CheckSession {
  const session = createCheckSession({ db, lang: initialLang() });
  if (problem) session.failOpen(problem);
  render(<App db={db} openOnStart={openOnStart} session={session} />, root);
  return session;
}
