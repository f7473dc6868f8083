// The form's tables as a .docx in the official layout (merged header cells as gridSpan/vMerge, the 勾稽
// note), built with the docx library, loaded only when the clerk asks for it (it is ~0.5 MB). Our own
// .docx reader (mammoth → HTML adapter) reads it back to the same cells (tests/site-form.test.ts).
import type { Lang } from '../../../core/index.ts';
import { formGrid } from './export.ts';
import type { FormValues } from './state.ts';

export async function formDocx(values: FormValues, lang: Lang): Promise<ArrayBuffer> {
  const { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = await import('docx');
  const children = formGrid(values, lang).map((b) =>
    b.kind === 'para'
      ? new Paragraph({ children: [new TextRun({ text: b.text, ...(b.bold ? { bold: true } : {}) })] })
      : new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: b.rows.map(
            (row) =>
              new TableRow({
                children: row.map(
                  (c) =>
                    new TableCell({
                      children: [new Paragraph({ text: c.text, ...(c.num ? { alignment: AlignmentType.RIGHT } : {}) })],
                      ...(c.colSpan ? { columnSpan: c.colSpan } : {}),
                      ...(c.rowSpan ? { rowSpan: c.rowSpan } : {}),
                    }),
                ),
              }),
          ),
        }),
  );
  return Packer.toArrayBuffer(new Document({ sections: [{ children }] }));
}
