// The site's check session (site/src/session.ts) driven without a DOM: open a real report, see its
// findings and coverage; a failed open clears the result before it (issue 20); paste, language,
// history (kept, compared across years, reopened, listed, deleted), a batch, and cancelling OCR.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCheckSession, type CheckSession } from '../site/src/session.ts';
import { HistoryDb, listChecks } from '../site/src/history.ts';
import type { OcrRead } from '../site/src/ocr/read.ts';
import { FIXTURES } from './support/fixtures.ts';

const bytes = (f: string) => readFileSync(join(FIXTURES, f));
const fixtureFile = (f: string, name = f) => new File([bytes(f)], name);

/** Until `done()` holds (checked every 10 ms, for up to 6 s). */
async function until(done: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 600 && !(await done()); i++) await new Promise((r) => setTimeout(r, 10));
}

/** Until the session is idle: nothing being read, checked or OCR'd. */
async function settled(s: CheckSession) {
  for (let i = 0; i < 600 && (s.busy.value || s.ocr.value); i++) await new Promise((r) => setTimeout(r, 10));
  expect(s.busy.value).toBeUndefined();
}

describe('check session', () => {
  it('an opened report is checked: findings, coverage, the file named, nothing busy', async () => {
    const s = createCheckSession();
    await s.openFile(fixtureFile('lingdong-health-2020.txt'));
    expect(s.error.value).toBeUndefined();
    const v = s.views.value!.zh;
    expect(v.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}@${f.cell}`).sort()).toEqual(
      ['APP-COL-OUTCOME-TOTAL@B.total.np', 'APP-COL-OUTCOME-TOTAL@B.total.tot', 'APP-BALANCE@B.new.oth', 'APP-BALANCE@B.new.tot'].sort(),
    );
    expect(v.tables.map((t) => t.status)).toEqual(['checked', 'checked', 'partial']);
    expect(s.pending.value?.note).toBe('lingdong-health-2020.txt');
    expect(s.current.value?.name).toBe('lingdong-health-2020.txt');
    expect(s.busy.value).toBeUndefined();
    expect(s.shown.value).toBe(1);
  });

  for (const [what, file] of [
    ['an empty file', new File([], 'empty.txt')],
    ['an old Word file', new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])], 'report.doc')],
    ['a PDF cut short', new File([bytes('hongze-district-gov-2023.pdf').subarray(0, 2000)], 'cut.pdf')],
  ] as const) {
    it(`after a result, ${what} that fails to open clears it and says why`, async () => {
      const s = createCheckSession();
      await s.openFile(fixtureFile('lingdong-health-2020.txt'));
      expect(s.views.value).toBeDefined();
      await s.openFile(file);
      expect(s.error.value).toMatch(new RegExp(`^${file.name.replace('.', '\\.')}：`));
      expect(s.views.value).toBeUndefined();
      expect(s.pending.value).toBeUndefined();
      expect(s.current.value).toBeUndefined();
      expect(s.busy.value).toBeUndefined();
    });
  }

  it('an empty file says so, not "paste a report first"', async () => {
    const s = createCheckSession();
    await s.openFile(new File([' \n'], 'blank.txt'));
    expect(s.error.value).toBe('blank.txt：文件是空的，没有可核对的内容。');
  });

  it('a plain paste goes into the box at the caret and is checked; typing drops a held paste', async () => {
    const s = createCheckSession();
    const text = bytes('yinzhou-health-2021.txt').toString('utf8');
    s.paste({ html: '', plain: text, value: '', start: 0, end: 0 });
    expect(s.text.value).toBe(text);
    await settled(s);
    // seed 004's errors jump to its one mistake's cell (a leaf counted that should be 0), issue 17
    expect(s.views.value!.zh.findings.some((f) => f.cell === 'B.open.np' && f.severity === 'error')).toBe(true);

    s.paste({ html: '<table><tr><td>1</td></tr></table>', plain: '1', value: '', start: 0, end: 0 });
    expect(s.pending.value?.note).toContain('带格式');
    await settled(s);
    s.type('abc');
    expect(s.pending.value).toBeUndefined();
  });

  it('the language is the session’s: its messages follow it, the result is there in both', async () => {
    const s = createCheckSession();
    s.submit();
    expect(s.error.value).toBe('请先粘贴报告内容或选择文件。');
    s.setLang('en');
    s.submit();
    expect(s.error.value).toBe('Paste a report or open a file first.');
    await s.openFile(fixtureFile('lingdong-health-2020.txt'));
    expect(s.views.value!.en.counts).toEqual(s.views.value!.zh.counts);
    s.clear();
    expect([s.views.value, s.error.value, s.text.value]).toEqual([undefined, undefined, '']);
  });

  it('history: each check is kept; the year before of the same agency is compared at once; entries reopen', async () => {
    const db = new HistoryDb(`session-${Math.random()}`);
    const s = createCheckSession({ db });
    // the corpus has no real same-agency pair: seed 003 (泰山区 2022) against itself relabelled 2021
    const y2022 = bytes('taishan-health-2022.txt').toString('utf8');
    await s.openFile(new File([y2022.replace(/2022年/g, '2021年')], '2021.txt'));
    expect(s.views.value!.zh.previous).toBeUndefined();
    await until(async () => (await listChecks(db)).length === 1); // the save is not awaited
    await s.openFile(new File([y2022], '2022.txt'));
    expect(s.views.value!.zh.previous).toMatchObject({ year: 2021 });
    expect(s.views.value!.zh.findings.map((f) => f.ruleId)).toContain('XYEAR-IDENTICAL-TABLES');
    expect(s.previousId.value).toBeDefined();

    const compared = s.views.value;
    s.pickPrevious(undefined);
    await until(() => s.views.value !== compared);
    expect(s.previousId.value).toBeUndefined();
    expect(s.views.value!.zh.previous).toBeUndefined();

    await until(async () => (await listChecks(db)).length === 2); // the save is not awaited
    const entries = await listChecks(db);
    expect(entries.map((e) => e.name)).toEqual(['2022.txt', '2021.txt']);
    await s.openEntry(entries[1]!.id!);
    expect(s.views.value!.zh.name).toBe('2021.txt');
    await s.openEntry(99999);
    expect(s.error.value).toBe('找不到这条历史记录。');

    await s.openHistory();
    expect((s.history.value as { name: string }[]).map((e) => e.name)).toEqual(['2022.txt', '2021.txt']);
    await s.deleteEntry(entries[0]!.id!);
    expect((s.history.value as { name: string }[]).map((e) => e.name)).toEqual(['2021.txt']);
    await s.clearHistory();
    expect(s.history.value).toEqual([]);
    db.close();
  });

  it('without a database the history says it is unavailable', async () => {
    const s = createCheckSession();
    await s.openHistory();
    expect(s.history.value).toBe('unavailable');
  });

  it('a batch: every file with its state, then the pair inside it compared', async () => {
    const routes: string[] = [];
    const s = createCheckSession({ navigate: (h) => routes.push(h) });
    const y2022 = bytes('taishan-health-2022.txt').toString('utf8');
    // what openFiles does with more than one file; awaited here, so the pairs' re-check is done too
    await s.startBatch([new File([y2022], '2022.txt'), new File([y2022.replace(/2022年/g, '2021年')], '2021.txt'), new File(['x'], 'scan.tif')]);
    expect(routes).toEqual(['#/batch']);
    const [a, b, c] = s.batch.value;
    expect([a!.status, b!.status, c!.status]).toEqual(['done', 'done', 'error']);
    expect(a!.views!.zh.previous).toMatchObject({ year: 2021 });
    expect(c!.message).toContain('TIFF');
  });

  it('a pasted screenshot (an image alone on the clipboard) goes to OCR; text pasted with an image is read as text', async () => {
    const read: string[] = [];
    const ocr: OcrRead = async (file) => {
      read.push(`${file.kind}:${file.name}:${file.pdf}:${file.bytes.length}`);
      throw new Error('stub');
    };
    const s = createCheckSession({ ocr });
    const png = bytes('ocr/hongze-district-gov-2023-p4.png');
    const image = new File([png], 'image.png', { type: 'image/png' });
    s.paste({ html: '', plain: '', value: '', start: 0, end: 0, files: [image] });
    await until(() => read.length > 0);
    expect(read).toEqual([`ocr:粘贴的图片.png:false:${png.length}`]);
    await settled(s);
    // the report's text with a picture in it (copied from Word): the text is what is checked
    s.paste({ html: '', plain: bytes('lingdong-health-2020.txt').toString('utf8'), value: '', start: 0, end: 0, files: [image] });
    await until(() => s.views.value !== undefined);
    await settled(s);
    expect(read).toHaveLength(1);
    expect(s.views.value!.zh.counts.error).toBe(4);
  });

  it('OCR can be cancelled: the progress goes, the page says it was cancelled', async () => {
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const ocr: OcrRead = (_read, onProgress, signal) =>
      new Promise((_, reject) => {
        onProgress({ stage: 'cells', page: 1, pages: 1, done: 3, total: 40 });
        signal!.addEventListener('abort', () => reject(new Error('aborted')));
        started();
      });
    const s = createCheckSession({ ocr });
    await s.openFile(fixtureFile('lingdong-health-2020.txt'));
    const opening = s.openFile(fixtureFile('ocr/hongze-district-gov-2023-p4.png', 'p4.png'));
    await running;
    expect(s.ocr.value?.progress.done).toBe(3);
    expect(s.views.value).toBeUndefined();
    s.cancelOcr();
    await opening;
    expect(s.ocr.value).toBeUndefined();
    expect(s.error.value).toBe('已取消文字识别。');
  });
});
