// Small accessibility helpers shared by the pages and the chart components.

/**
 * A box that scrolls sideways on a narrow screen instead of the page (a wide
 * table at 320 px). It can take keyboard focus, so it can be scrolled with the
 * arrow keys, and it is a named region for screen readers.
 */
export function scrollBox(content: Node, label: string, doc: Document = document): HTMLDivElement {
  const box = doc.createElement("div");
  box.className = "table-scroll";
  box.tabIndex = 0;
  box.setAttribute("role", "region");
  box.setAttribute("aria-label", label);
  box.append(content);
  return box;
}

/** A column of a data table: its header and each row's cell (text, or a node). */
export interface DataColumn<R> {
  label: string;
  value: (row: R) => string | Node;
  numeric?: boolean;
}

/** A table's header row: one <th scope="col"> per column, numeric ones right-aligned ("num"). */
export function tableHead(columns: readonly (string | { label: string; numeric?: boolean })[], doc: Document = document): HTMLTableSectionElement {
  const thead = doc.createElement("thead");
  const tr = doc.createElement("tr");
  for (const c of columns) {
    const th = doc.createElement("th");
    th.scope = "col";
    th.textContent = typeof c === "string" ? c : c.label;
    if (typeof c !== "string" && c.numeric) th.className = "num";
    tr.append(th);
  }
  thead.append(tr);
  return thead;
}

/**
 * A plain data table with a caption, column headers (scope=col) and the first
 * column as row headers (scope=row): the accessible version of a chart.
 */
export function dataTable<R>(rows: readonly R[], columns: readonly DataColumn<R>[], o: { caption: string; className?: string; document?: Document }): HTMLTableElement {
  const doc = o.document ?? document;
  const table = doc.createElement("table");
  table.className = ["figure-table", o.className].filter(Boolean).join(" ");
  const caption = doc.createElement("caption");
  caption.textContent = o.caption;
  table.append(caption);
  const thead = tableHead(columns, doc);
  const tbody = doc.createElement("tbody");
  for (const row of rows) {
    const r = doc.createElement("tr");
    columns.forEach((c, i) => {
      const cell = doc.createElement(i === 0 ? "th" : "td");
      if (i === 0) (cell as HTMLTableCellElement).scope = "row";
      if (c.numeric) cell.className = "num";
      cell.append(c.value(row));
      r.append(cell);
    });
    tbody.append(r);
  }
  table.append(thead, tbody);
  return table;
}

/**
 * A closed <details> holding a chart's data table (in a scroll box), so it is
 * there for screen readers, keyboard users and copying. Given a function, the
 * table is built when the details is first opened: a page with many charts
 * (every unit, every month) stays light until a reader asks for the numbers.
 */
export function chartDataDetails(summary: string, table: HTMLTableElement | (() => HTMLTableElement), doc: Document = document): HTMLDetailsElement {
  const details = doc.createElement("details");
  details.className = "chart-data";
  const s = doc.createElement("summary");
  s.textContent = summary;
  details.append(s);
  const add = (t: HTMLTableElement) => details.append(scrollBox(t, t.caption?.textContent ?? summary, doc));
  if (typeof table !== "function") add(table);
  else {
    let built = false;
    details.addEventListener("toggle", () => {
      if (details.open && !built) {
        built = true;
        add(table());
      }
    });
  }
  return details;
}
