// The Markdown of the narrative texts (data/narratives/<period>/<HT>.<lang>.md)
// parsed into a small block model that every renderer (page, DOCX, XLSX) can
// draw. Deliberately a subset: front matter, headings, paragraphs, bullet and
// numbered lists, **bold**, *italic*, `code` and [links](https://…). Anything
// else is kept as plain text — never as HTML or code, since the texts come
// from outside the code base.

export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  /** Only http(s) and mailto links are kept; other targets leave the text alone. */
  href?: string;
}

export type Block =
  | { type: "heading"; level: number; content: Inline[] }
  | { type: "paragraph"; content: Inline[] }
  | { type: "list"; ordered: boolean; items: Inline[][] };

export interface ParsedMarkdown {
  /** Front matter `key: value` pairs (strings; quotes removed). */
  meta: Record<string, string>;
  blocks: Block[];
}

/** Splits `---` front matter from the body. Only flat `key: value` lines are read. */
export function splitFrontMatter(source: string): { meta: Record<string, string>; body: string } {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const m = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { meta: {}, body: text };
  const meta: Record<string, string> = {};
  for (const line of m[1].split("\n")) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line.trim());
    if (kv) meta[kv[1]] = kv[2].replace(/^(["'])(.*)\1$/, "$2").trim();
  }
  return { meta, body: text.slice(m[0].length) };
}

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const ORDERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;

export function parseMarkdown(source: string): ParsedMarkdown {
  const { meta, body } = splitFrontMatter(source);
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ type: "paragraph", content: parseInline(paragraph.join(" ")) });
    paragraph = [];
    if (list) blocks.push({ type: "list", ordered: list.ordered, items: list.items.map(parseInline) });
    list = null;
  };
  for (const raw of body.split("\n")) {
    const line = raw.replace(/\t/g, "    ");
    if (!line.trim()) {
      flush();
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = HEADING.exec(line))) {
      flush();
      blocks.push({ type: "heading", level: m[1].length, content: parseInline(m[2]) });
    } else if ((m = BULLET.exec(line)) || (m = ORDERED.exec(line))) {
      const ordered = !BULLET.test(line);
      if (paragraph.length || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(m[1].trim());
    } else if (list && /^\s+\S/.test(line)) {
      // A continuation line of the last list item.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      if (list) flush();
      paragraph.push(line.trim().replace(/^>\s?/, ""));
    }
  }
  flush();
  return { meta, blocks };
}

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

/** Inline emphasis, code and links; unmatched markers stay as text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const push = (piece: Inline) => {
    if (!piece.text) return;
    const last = out[out.length - 1];
    if (last && !!last.bold === !!piece.bold && !!last.italic === !!piece.italic && !!last.code === !!piece.code && last.href === piece.href) last.text += piece.text;
    else out.push(piece);
  };
  const walk = (s: string, style: Omit<Inline, "text">) => {
    const re = /`([^`]+)`|\*\*(.+?)\*\*|__(.+?)__|\*(?!\s)(.+?)\*|(?<![\w])_(?!\s)(.+?)_(?![\w])|\[([^\]]+)\]\(([^)\s]+)\)/g;
    let last = 0;
    for (let m: RegExpExecArray | null; (m = re.exec(s)); ) {
      push({ ...style, text: unescape(s.slice(last, m.index)) });
      if (m[1] !== undefined) push({ ...style, code: true, text: m[1] });
      else if (m[2] !== undefined || m[3] !== undefined) walk(m[2] ?? m[3], { ...style, bold: true });
      else if (m[4] !== undefined || m[5] !== undefined) walk(m[4] ?? m[5], { ...style, italic: true });
      else if (SAFE_HREF.test(m[7])) walk(m[6], { ...style, href: m[7] });
      else walk(m[6], style);
      last = re.lastIndex;
    }
    push({ ...style, text: unescape(s.slice(last)) });
  };
  walk(text, {});
  return out;
}

function unescape(s: string): string {
  return s.replace(/\\([\\`*_{}[\]()#+\-.!>])/g, "$1");
}

/** The plain text of inline content. */
export function plainText(content: readonly Inline[]): string {
  return content.map((c) => c.text).join("");
}

/** Blocks as plain lines (headings, paragraphs, "• item" / "1. item"), for spreadsheets and CSV. */
export function blocksToLines(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) =>
    b.type === "list" ? b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : "•"} ${plainText(item)}`) : [plainText(b.content)],
  );
}
