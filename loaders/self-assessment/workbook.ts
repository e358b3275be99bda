// Writes the fill-in workbook (workbook-layout.ts) with exceljs: a sheet per
// benefit goal whose identifying and figure cells are grey and locked (the
// sheets are protected without a password, so the office can still lift it),
// white cells for the narrative, a status picked from a list and a start
// date, and a very hidden meta sheet naming the half-year, the language and
// the fingerprint of the figure columns. Dated by the extract, never the clock.
import ExcelJS from "exceljs";
import { stableZip } from "./stable-zip.ts";
import { FIRST_DATA_ROW, HEADER_ROW, META_SHEET, WORKBOOK_FORMAT, workbookWords, type WorkbookLayout } from "./workbook-layout.ts";

const GREY: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } };
const WIDTHS: Record<string, number> = { id: 28, kind: 14, name: 48, figure: 16, narrative: 70, status: 18, start: 14 };

export async function renderOfficeWorkbook(layout: WorkbookLayout, isoDate: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Nelimaali";
  wb.created = wb.modified = new Date(`${isoDate}T00:00:00Z`);
  const list = `"${layout.statuses.map((s) => s.label).join(",")}"`;
  for (const sheet of layout.sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: HEADER_ROW, xSplit: 3 }] });
    ws.columns = sheet.columns.map((c) => ({ width: WIDTHS[c.kind] }));
    ws.getCell(1, 1).value = sheet.title;
    ws.getCell(1, 1).font = { bold: true, size: 13 };
    ws.getCell(2, 1).value = sheet.help;
    ws.getCell(2, 1).alignment = { wrapText: true, vertical: "top" };
    ws.mergeCells(2, 1, 2, sheet.columns.length);
    ws.getRow(2).height = 45;
    const head = ws.getRow(HEADER_ROW);
    sheet.columns.forEach((c, k) => {
      const cell = head.getCell(k + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.fill = GREY;
      cell.alignment = { wrapText: true, vertical: "top" };
    });
    sheet.rows.forEach((r, i) => {
      const row = ws.getRow(FIRST_DATA_ROW + i);
      let f = 0;
      sheet.columns.forEach((c, k) => {
        const cell = row.getCell(k + 1);
        const fillable = c.kind === "narrative" || (r.type === "measure" && (c.kind === "status" || c.kind === "start"));
        // Text cells only: a name or figure beginning with "=" stays text.
        if (c.kind === "id") cell.value = r.id;
        else if (c.kind === "kind") cell.value = r.kindText;
        else if (c.kind === "name") cell.value = r.name;
        else if (c.kind === "figure") cell.value = r.figures[f++] || null;
        else if (c.kind === "start" && r.start) cell.value = r.start;
        if (c.kind === "start" || c.kind === "figure") cell.numFmt = "@";
        cell.alignment = { wrapText: true, vertical: "top", horizontal: c.kind === "figure" ? "right" : undefined };
        if (fillable) cell.protection = { locked: false };
        else cell.fill = GREY;
        if (fillable && c.kind === "status") {
          cell.dataValidation = { type: "list", allowBlank: true, formulae: [list], showErrorMessage: true, errorStyle: "stop", error: workbookWords(layout.lang).badStatus };
        }
      });
      if (r.type === "goal") row.font = { bold: true };
    });
    await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  const meta = wb.addWorksheet(META_SHEET);
  meta.state = "veryHidden";
  meta.addRows([["format", WORKBOOK_FORMAT], ["period", layout.period], ["lang", layout.lang], ["fingerprint", layout.fingerprint], ["date", isoDate]]);
  return stableZip(Buffer.from(await wb.xlsx.writeBuffer()), isoDate);
}
