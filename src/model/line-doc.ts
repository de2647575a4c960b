/**
 * What every reader yields: the report as numbered lines of plain text (what each
 * extracted value cites, and what the web app shows as the source), and the same
 * report as a tree of blocks — front matter, headings, paragraphs, lists, tables,
 * definition lists, quotes — each with the span of lines it covers.
 */
export interface LineDoc {
  /** The input's base name, e.g. "meeting-12.docx". */
  source: string;
  /** The reader that produced it: txt, md, html, docx, pdf. */
  format: string;
  /** lines[0] is line 1. */
  lines: string[];
  /** The document's structure, in reading order. */
  blocks: Block[];
  /** A title the file carries outside its body (an HTML <title>), if any. */
  title?: { text: string; span: Span } | undefined;
}

/** Lines `line`..`endLine` of `LineDoc.lines`, 1-based and inclusive. */
export interface Span {
  line: number;
  endLine: number;
}

/** Inline emphasis of a whole block: bold, or bold and italic (a sub-heading in Word). */
export type Emphasis = "strong" | "strong-em" | null;

/** A run of text as written: its plain text and whether it is bold. */
export interface Run {
  text: string;
  strong: boolean;
}

interface Base {
  span: Span;
}

/** Front matter: YAML keys and values (a Jekyll post's `title:`, `date:`). */
export interface FrontMatter extends Base {
  kind: "frontmatter";
  entries: { key: string; value: string }[];
}

/**
 * A heading. `level` 1-6 as marked up; 7 for a paragraph that acts as a heading (a
 * short, wholly bold line in Word, HTML or PDF; a short title-case line in plain text).
 */
export interface Heading extends Base {
  kind: "heading";
  level: number;
  text: string;
  emphasis: Emphasis;
}

/**
 * A paragraph. `text` is plain (inline marks removed, link text kept); a line break
 * inside it is "\n", and line k of the text is line `span.line + k` where the reader
 * can keep that correspondence. `runs` keeps which parts were bold.
 */
/** `indent`: how far the layout sets it in, in steps (a PDF line's distance from the margin). */
export interface Paragraph extends Base {
  kind: "paragraph";
  text: string;
  emphasis: Emphasis;
  runs: Run[];
  indent?: number;
}

/** A list item: its marker as written ("1.", "a)", "-"), a task box's state, its text and nested blocks. */
export interface ListItem extends Base {
  marker: string;
  checked: boolean | null;
  text: string;
  runs: Run[];
  blocks: Block[];
}

/** `typed`: the markers were typed as text ("1.", "a)"), not list markup, so they may number sections. */
export interface List extends Base {
  kind: "list";
  ordered: boolean;
  items: ListItem[];
  typed?: boolean;
}

/** A table cell: its text (paragraphs joined by "\n") and its blocks. */
export interface Cell {
  text: string;
  runs: Run[];
  blocks: Block[];
}

export interface TableRow extends Base {
  header: boolean;
  cells: Cell[];
}

export interface Table extends Base {
  kind: "table";
  rows: TableRow[];
}

/** An HTML definition list: "Present" → "Jane Roe, …". */
export interface Definitions extends Base {
  kind: "definitions";
  items: (Base & { term: string; text: string; runs: Run[] })[];
}

export interface Quote extends Base {
  kind: "quote";
  blocks: Block[];
}

export interface Rule extends Base {
  kind: "rule";
}

export type Block = FrontMatter | Heading | Paragraph | List | Table | Definitions | Quote | Rule;

/** Plain text of runs. */
export const runsText = (runs: readonly Run[]): string => runs.map((r) => r.text).join("");
