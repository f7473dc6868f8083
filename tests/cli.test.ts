// The CLI through its main(): human and JSON output, exit codes, bad files. One real spawn checks that
// `npm run check` itself works.
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { main, type FileReport } from '../core/cli.ts';
import { FIXTURES } from './support/fixtures.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const fx = (f: string) => join(FIXTURES, f);
const tmp = mkdtempSync(join(tmpdir(), 'gkc-cli-'));

describe('CLI', () => {
  it('prints verdict, coverage and findings grouped by table; exit 1 on errors', async () => {
    const r = await run(fx('lingdong-health-2020.txt'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('结论：发现错误');
    expect(r.out).toContain('表二 依申请：已核对');
    expect(r.out).toMatch(/【表二 依申请】[\s\S]*APP-COL-OUTCOME-TOTAL \[（七）总计\/总计\]：「（七）总计」总计列应为 16（属于行政执法案卷 16），表中为 17/);
  });

  it('exit 0 only for a fully checked clean report (text and saved page)', async () => {
    expect((await run(fx('taishan-health-2022.txt'))).code).toBe(0);
    expect((await run(fx('shuyang-drc-2023.html'))).code).toBe(0);
    expect((await run(fx('shuyang-drc-2023.gbk.html'))).code).toBe(0);
  });

  it('exit 1 when table B is not fully checked (seed 000), even without errors', async () => {
    const r = await run(fx('putuo-health-2021.txt'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('部分核对');
  });

  it('--json prints exactly one array with the documented fields', async () => {
    const r = await run('--json', fx('yinzhou-health-2021.txt'), fx('baoshan-health-2021.txt'));
    const data = JSON.parse(r.out);
    expect(Array.isArray(data)).toBe(true);
    expect(data).toHaveLength(2);
    const y = data[0];
    // README: file, agency, year, template, verdict, coverage, findings (the site's JSON export has the same shape).
    expect(Object.keys(y).sort()).toEqual(['agency', 'coverage', 'file', 'findings', 'mistakes', 'template', 'verdict', 'year']);
    expect(y.mistakes).toHaveLength(1); // seed 004's one mistake behind its two APP-COL-OUTCOME-TOTAL errors
    expect(y.verdict).toBe('errors');
    expect(y.year).toBe(2021);
    expect(y.template).toBe('mixed');
    expect(Object.keys(y.coverage)).toEqual(['A', 'B', 'C']);
    const f = y.findings.find((x: { ruleId: string }) => x.ruleId === 'APP-COL-OUTCOME-TOTAL');
    expect(Object.keys(f).sort()).toEqual(['cells', 'certainty', 'message', 'ruleId', 'severity']);
    expect(f.cells[0]).toBe('B.total.np');
    expect(f.message).toMatch(/应为 4/);
    expect(r.code).toBe(1);
  });

  it('--lang en renders English', async () => {
    const r = await run('--lang', 'en', fx('lingdong-health-2020.txt'));
    expect(r.out).toMatch(/Table B/);
    expect(r.out).not.toContain('结论');
  });

  it('usage errors and unreadable files exit 2 with a message', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('--lang', 'fr', fx('taishan-health-2022.txt'))).code).toBe(2);
    expect((await run('--bogus')).err).toContain('unknown option');
    const missing = await run(join(tmp, 'nope.txt'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('无法读取');
    const bin = join(tmp, 'bin.txt');
    writeFileSync(bin, new Uint8Array([0, 1, 2, 255, 0]));
    expect((await run(bin)).err).toContain('二进制');
    const garbage = join(tmp, 'garbage.txt');
    writeFileSync(garbage, '这不是年度报告。\n只是一些文字。\n');
    const g = await run(garbage);
    expect(g.code).toBe(2);
    expect(g.out).not.toContain('未发现错误');
  });

  it('reads a GBK-encoded text file', async () => {
    const gbk = join(tmp, 'taishan-gbk.txt');
    // TextEncoder cannot write GBK; glibc's iconv (libc-bin, always on Debian) can.
    const enc = spawnSync('iconv', ['-f', 'utf-8', '-t', 'gb18030', fx('taishan-health-2022.txt')]);
    expect(enc.status).toBe(0);
    writeFileSync(gbk, enc.stdout);
    expect((await run(gbk)).code).toBe(0);
  });

  it('checks a PDF through its text layer (洪泽区 2023: the two real table-C errors)', async () => {
    const r = await run('--json', fx('hongze-district-gov-2023.pdf'));
    expect(r.code).toBe(1);
    const [report] = JSON.parse(r.out);
    expect(report.year).toBe(2023);
    const errors = report.findings.filter((f: { severity: string }) => f.severity === 'error').map((f: { ruleId: string; cells: string[] }) => `${f.ruleId} ${f.cells[0]}`);
    expect(errors.sort()).toEqual(['LITIGATION-AFTER-REVIEW-TOTAL C.lita.total', 'REVIEW-TOTAL C.rev.total']);
    expect((await run(fx('huaian-city-gov-2024.pdf'))).code).toBe(0);
  });

  it('checks a Word draft (.docx); an old .doc is refused with advice', async () => {
    expect((await run(fx('docx/shuyang-drc-2023.docx'))).code).toBe(0);
    const doc = join(tmp, 'old.doc');
    writeFileSync(doc, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const r = await run(doc);
    expect(r.code).toBe(2);
    expect(r.err).toContain('另存为 .docx');
  });

  it('a broken or encrypted PDF gets a clear message, exit 2', async () => {
    const broken = join(tmp, 'broken.pdf');
    writeFileSync(broken, '%PDF-1.4\nthis is not really a pdf\n');
    const r = await run(broken);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/PDF/);
    // a real report encrypted with a password (qpdf, AES-256): said so, not read as empty
    const enc = await run(join(FIXTURES, 'bad', 'huaian-city-gov-2024-encrypted.pdf'));
    expect(enc.code).toBe(2);
    expect(enc.err).toContain('已加密');
  });

  it('walks a folder, prints a summary line; --csv gives one table with a BOM', async () => {
    const dir = join(tmp, 'batch');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    copyFileSync(fx('lingdong-health-2020.txt'), join(dir, 'lingdong.txt'));
    copyFileSync(fx('shuyang-drc-2023.html'), join(dir, 'sub', 'shuyang.html'));
    writeFileSync(join(dir, 'notes.xlsx'), 'ignored: not a supported type in a folder walk');
    const human = await run(dir);
    expect(human.code).toBe(1);
    expect(human.out).toContain('== ' + join(dir, 'lingdong.txt'));
    expect(human.out).toContain('共 2 份：发现错误 1 份，未完整核对 0 份，无法读取 0 份，已核对未发现错误 1 份');
    const csv = await run('--csv', dir);
    expect(csv.out.startsWith('\ufeff来源,单位,年度,结论,表,级别,规则,单元格,说明')).toBe(true);
    const lines = csv.out.split('\r\n');
    expect(lines.filter((l) => l.includes('APP-COL-OUTCOME-TOTAL'))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('\ufeff') || l.startsWith('来源'))).toHaveLength(1);
    expect(csv.err).toContain('共 2 份');
    expect((await run('--csv', '--json', dir)).code).toBe(2);
  });

  it('npm run check works as a command', async () => {
    const r = spawnSync('npm', ['run', '-s', 'check', '--', '--json', fx('shuyang-drc-2023.html')], { encoding: 'utf8', cwd: join(FIXTURES, '..', '..') });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)[0].year).toBe(2023);
  });
});

describe('CLI OCR (tesseract.js in Node, offline): scans and image-only PDFs', () => {
  const scan = (f: string) => join(FIXTURES, 'ocr', f);

  it('a scanned page (PNG): read by OCR, the two real table-C errors found, the OCR summary printed; progress on stderr', async () => {
    const r = await run(scan('hongze-district-gov-2023-p4.png'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/错误 REVIEW-TOTAL \[行政复议\/总计\]：行政复议总计应为 11（10\+1\+0\+0），表中为 0/);
    expect(r.out).toMatch(/错误 LITIGATION-AFTER-REVIEW-TOTAL .*应为 5/);
    expect(r.out).toMatch(/文字识别（OCR，本机）：第 1 页按表格线识别；读出 \d+ 个单元格，其中数字 \d+ 个/);
    expect(r.err).toContain('正在本机文字识别');
  }, 120_000);

  it('an image-only PDF: its page rendered and read by OCR, the same errors; --json carries what OCR read', async () => {
    const r = await run('--json', scan('hongze-district-gov-2023-p4-scan.pdf'), scan('hongze-district-gov-2023-p4-degraded.png'));
    expect(r.code).toBe(1);
    const reports = JSON.parse(r.out) as FileReport[];
    expect(reports).toHaveLength(2);
    for (const rep of reports) {
      expect(rep.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId).sort()).toEqual(['LITIGATION-AFTER-REVIEW-TOTAL', 'REVIEW-TOTAL']);
      expect(rep.ocr!.pages).toEqual([{ page: 1, method: 'rules', cellsRead: expect.any(Number) }]);
      expect(rep.ocr!.numbers).toBeGreaterThan(50);
      expect(Array.isArray(rep.ocr!.doubtful)).toBe(true);
    }
    expect(r.err).toContain('第 1 页没有文字层');
  }, 180_000);

  it('--no-ocr: images and image-only PDFs are refused by name, never passed as clean', async () => {
    const r = await run('--no-ocr', scan('hongze-district-gov-2023-p4-scan.pdf'), scan('huaian-city-gov-2024-p3.png'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('PDF 没有文字层（扫描/图片版），已用 --no-ocr 关闭文字识别');
    expect(r.err).toContain('图片需要文字识别，已用 --no-ocr 关闭');
    expect(r.out).toBe('共 2 份：发现错误 0 份，未完整核对 0 份，无法读取 2 份，已核对未发现错误 0 份');
  });

  it('a file named .png that is not an image, and a blank scan with no table, each get a clear answer', async () => {
    const fake = join(tmp, 'fake.png');
    writeFileSync(fake, '这不是图片');
    const f = await run(fake);
    expect(f.code).toBe(2);
    expect(f.err).toContain('不是可识别的图片');
    const { createCanvas } = await import('@napi-rs/canvas');
    const c = createCanvas(800, 600);
    const ctx = c.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 800, 600);
    const blank = join(tmp, 'blank.png');
    writeFileSync(blank, c.toBuffer('image/png'));
    const b = await run(blank);
    expect(b.code).toBe(2);
    expect(b.out).toContain('表格无法识别');
    expect(b.out).not.toContain('已核对部分未发现错误');
  }, 120_000);
});
