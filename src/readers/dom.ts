import { parse, parseFragment, type DefaultTreeAdapterMap } from "parse5";
import type {
  Block,
  Cell,
  Definitions,
  ListItem,
  Paragraph,
  Run,
  TableRow,
} from "../model/line-doc.js";
import { RapporteurError } from "../model/errors.js";
import { LIMITS } from "../model/limits.js";
import { emphasisOf, foldRuns } from "./runs.js";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];
type TextNode = DefaultTreeAdapterMap["textNode"];

/** A run as the DOM gives it: its text, bold/italic, and a link's target. */
export interface DomRun extends Run {
  em: boolean;
  href?: string;
}

// Never content: code, styles, media, forms, and the site's own chrome (menus,
// breadcrumbs, sidebars, footers) that pages put around the minutes.
const SKIP = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "svg",
  "iframe",
  "object",
  "embed",
  "audio",
  "video",
  "canvas",
  "button",
  "select",
  "textarea",
  "nav",
  "aside",
  "form",
  "img",
  "picture",
  "map",
  "title",
  "meta",
  "link",
]);
const CHROME =
  /\b(?:nav|navbar|navigation|menu|breadcrumbs?|sidebar|side-bar|site-header|site-footer|site-nav|skip-?link|toc|table-of-contents|search|page-footer|footer|pagination|anchor-heading)\b/i;
const BLOCK = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "blockquote",
  "pre",
  "address",
  "figure",
  "figcaption",
  "center",
  "body",
  "html",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "td",
  "th",
  "dl",
  "dt",
  "dd",
  "hr",
  "details",
  "summary",
  "fieldset",
  "caption",
]);

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const isElement = (n: Node): n is Element => "tagName" in n;
const isText = (n: Node): n is TextNode => n.nodeName === "#text";
const startLine = (n: Node) => n.sourceCodeLocation?.startLine ?? 0;
const endLine = (n: Node) => n.sourceCodeLocation?.endLine ?? startLine(n);

/**
 * Parses HTML into blocks whose spans are lines of the HTML source (offset by
 * `firstLine - 1`): a whole page, or a fragment embedded in Markdown.
 */
export function htmlBlocks(
  html: string,
  source: string,
  opts: { fragment?: boolean; firstLine?: number } = {},
): { blocks: Block[]; title: string | null } {
  const root = opts.fragment
    ? parseFragment(html, { sourceCodeLocationInfo: true })
    : parse(html, { sourceCodeLocationInfo: true });
  checkNesting(root, source);
  const offset = (opts.firstLine ?? 1) - 1;
  const title = opts.fragment ? null : findTitle(root);
  const content = mainOf(root) ?? root;
  const blocks = new Walker(offset).blocks(content);
  return { blocks, title };
}

/** Refuses markup nested deeper than the readers' limit (their walks recurse). */
function checkNesting(root: Node, source: string): void {
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > LIMITS.nesting)
      throw new RapporteurError(
        "unreadable-file",
        `${source}: nested too deeply (more than ${LIMITS.nesting} levels of elements); is it the right file?`,
      );
    if ("childNodes" in node) for (const c of node.childNodes) stack.push([c, depth + 1]);
  }
}

function findTitle(root: Node): string | null {
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (isElement(n) && n.tagName === "title") return textOf(n).replace(/\s+/g, " ").trim() || null;
    if (
      "childNodes" in n &&
      (!isElement(n) || n.tagName === "html" || n.tagName === "head" || n.nodeName === "#document")
    )
      stack.push(...n.childNodes);
  }
  return null;
}

// The page's main content when it marks one (<main>, role=main, a single <article>).
function mainOf(root: Node): Element | null {
  const found: Element[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (isElement(n)) {
      if (n.tagName === "main" || attr(n, "role") === "main") return n;
      if (n.tagName === "article") found.push(n);
    }
    if ("childNodes" in n) stack.push(...n.childNodes);
  }
  return found.length === 1 ? found[0]! : null;
}

function textOf(n: Node): string {
  if (isText(n)) return n.value;
  return "childNodes" in n ? n.childNodes.map(textOf).join("") : "";
}

const hidden = (el: Element) =>
  attr(el, "hidden") !== undefined ||
  attr(el, "aria-hidden") === "true" ||
  /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attr(el, "style") ?? "") ||
  attr(el, "role") === "navigation" ||
  attr(el, "role") === "banner" ||
  attr(el, "role") === "contentinfo";

const skipped = (el: Element) =>
  SKIP.has(el.tagName) ||
  hidden(el) ||
  (CHROME.test(`${attr(el, "class") ?? ""} ${attr(el, "id") ?? ""}`) &&
    el.tagName !== "body" &&
    el.tagName !== "html");

class Walker {
  private listDepth = 0;
  constructor(private offset: number) {}

  private span(first: Node, last: Node = first) {
    return { line: startLine(first) + this.offset, endLine: endLine(last) + this.offset };
  }

  /** The blocks of a container, with loose inline content gathered into paragraphs. */
  blocks(container: Node): Block[] {
    const out: Block[] = [];
    let inline: Node[] = [];
    const flush = () => {
      const p = this.paragraph(inline);
      if (p) out.push(p);
      inline = [];
    };
    for (const child of "childNodes" in container ? container.childNodes : []) {
      if (isElement(child) && skipped(child)) continue;
      if (isElement(child) && BLOCK.has(child.tagName)) {
        flush();
        out.push(...this.block(child));
      } else if (isElement(child) && child.tagName === "br" && !inline.length) {
        continue;
      } else {
        inline.push(child);
      }
    }
    flush();
    return out;
  }

  private block(el: Element): Block[] {
    const tag = el.tagName;
    if (/^h[1-6]$/.test(tag)) {
      const runs = foldRuns(this.runs(el.childNodes));
      const text = runs
        .map((r) => r.text)
        .join("")
        .trim();
      return text
        ? [{ kind: "heading", level: Number(tag[1]), text, emphasis: null, span: this.span(el) }]
        : [];
    }
    if (
      tag === "p" ||
      tag === "address" ||
      tag === "figcaption" ||
      tag === "summary" ||
      tag === "caption"
    ) {
      // a <p> holding block elements (invalid, but Word exports do it) is a container
      if (el.childNodes.some((c) => isElement(c) && BLOCK.has(c.tagName) && c.tagName !== "br"))
        return this.blocks(el);
      const p = this.paragraph(el.childNodes, el);
      return p ? [p] : [];
    }
    if (tag === "pre") {
      const text = textOf(el)
        .replace(/\r/g, "")
        .replace(/^\n+|\n+$/g, "");
      return text.trim()
        ? [
            {
              kind: "paragraph",
              text,
              emphasis: null,
              runs: [{ text, strong: false }],
              span: this.span(el),
            },
          ]
        : [];
    }
    if (tag === "ul" || tag === "ol") return [this.list(el)];
    if (tag === "li")
      return [
        { kind: "list", ordered: false, items: [this.item(el, "-", 0)], span: this.span(el) },
      ];
    if (tag === "table") return this.table(el);
    if (tag === "dl") return this.definitions(el);
    if (tag === "blockquote")
      return [{ kind: "quote", blocks: this.blocks(el), span: this.span(el) }];
    if (tag === "hr") return [{ kind: "rule", span: this.span(el) }];
    if (
      tag === "tr" ||
      tag === "td" ||
      tag === "th" ||
      tag === "thead" ||
      tag === "tbody" ||
      tag === "tfoot" ||
      tag === "dt" ||
      tag === "dd"
    )
      return this.blocks(el);
    return this.blocks(el);
  }

  private paragraph(nodes: Node[], el?: Element): Paragraph | null {
    const runs = foldRuns(this.runs(nodes));
    const text = runs
      .map((r) => r.text)
      .join("")
      .replace(/[ \t]*\n[ \t]*/g, "\n")
      .replace(/^\s+|\s+$/g, "");
    if (!text) return null;
    const first =
      el ??
      nodes.find((n) => textOf(n).trim() || (isElement(n) && n.tagName === "br")) ??
      nodes[0]!;
    const last =
      el ?? [...nodes].reverse().find((n) => textOf(n).trim()) ?? nodes[nodes.length - 1]!;
    const indent = el ? indentOf(el) : 0;
    return {
      kind: "paragraph",
      text,
      emphasis: emphasisOf(runs),
      runs: trimRuns(runs),
      span: this.span(first, last),
      ...(indent ? { indent } : {}),
    };
  }

  /** Inline runs of nodes: text with bold, italic and link targets; <br> as "\n". */
  runs(nodes: Node[], strong = false, em = false, href?: string): DomRun[] {
    const out: DomRun[] = [];
    for (const n of nodes) {
      if (isText(n)) {
        const text = n.value.replace(/[\s\u00a0]+/g, (m) =>
          m.includes("\u00a0") && !/[\n\t ]/.test(m) ? " " : " ",
        );
        if (text) out.push({ text, strong, em, ...(href ? { href } : {}) });
        continue;
      }
      if (!isElement(n) || skipped(n)) continue;
      if (n.tagName === "br") {
        out.push({ text: "\n", strong, em });
        continue;
      }
      if (n.tagName === "input") continue;
      const tag = n.tagName;
      const link = tag === "a" ? linkTarget(attr(n, "href")) : href;
      out.push(
        ...this.runs(
          n.childNodes,
          strong ||
            tag === "strong" ||
            tag === "b" ||
            /font-weight\s*:\s*(?:bold|[6-9]00)/i.test(attr(n, "style") ?? ""),
          em || tag === "em" || tag === "i",
          link ?? undefined,
        ),
      );
    }
    return out;
  }

  private list(el: Element): Block {
    const ordered = el.tagName === "ol";
    const start = Number(attr(el, "start") ?? "1") || 1;
    // nested numbered lists read as outlines do: 1., then a., then i.
    const type =
      attr(el, "type") ?? (this.listDepth === 1 ? "a" : this.listDepth >= 2 ? "i" : undefined);
    const items: ListItem[] = [];
    this.listDepth++;
    for (const li of el.childNodes) {
      if (!isElement(li) || li.tagName !== "li" || skipped(li)) continue;
      items.push(this.item(li, ordered ? marker(start + items.length, type) : "-", items.length));
    }
    this.listDepth--;
    return { kind: "list", ordered, items, span: this.span(el) };
  }

  private item(li: Element, mark: string, _index: number): ListItem {
    const box = findCheckbox(li);
    const inline: Node[] = [];
    const blocks: Block[] = [];
    for (const c of li.childNodes) {
      if (isElement(c) && skipped(c) && c.tagName !== "input") continue;
      if (isElement(c) && BLOCK.has(c.tagName)) blocks.push(...this.block(c));
      else inline.push(c);
    }
    let runs = foldRuns(this.runs(inline));
    // "<li><p>text</p><ul>…</ul></li>": the first paragraph is the item's own text
    if (!runs.some((r) => r.text.trim()) && blocks[0]?.kind === "paragraph") {
      const p = blocks.shift() as Paragraph;
      runs = p.runs.map((r) => ({ ...r, em: false }));
    }
    const text = runs
      .map((r) => r.text)
      .join("")
      .replace(/[ \t]*\n[ \t]*/g, "\n")
      .trim();
    return { marker: mark, checked: box, text, runs: trimRuns(runs), blocks, span: this.span(li) };
  }

  private table(el: Element): Block[] {
    const rows: TableRow[] = [];
    const visit = (n: Element, inHead: boolean) => {
      for (const c of n.childNodes) {
        if (!isElement(c) || skipped(c)) continue;
        if (c.tagName === "thead") visit(c, true);
        else if (c.tagName === "tbody" || c.tagName === "tfoot") visit(c, false);
        else if (c.tagName === "tr") rows.push(this.row(c, inHead));
        else if (c.tagName === "caption") continue;
      }
    };
    visit(el, false);
    const kept = rows.filter((r) => r.cells.some((c) => c.text));
    return kept.length ? [{ kind: "table", rows: kept, span: this.span(el) }] : [];
  }

  private row(tr: Element, inHead: boolean): TableRow {
    const cells: Cell[] = [];
    let th = 0;
    for (const c of tr.childNodes) {
      if (!isElement(c) || (c.tagName !== "td" && c.tagName !== "th")) continue;
      if (c.tagName === "th") th++;
      const blocks = this.blocks(c);
      const only = blocks.length === 1 ? blocks[0]! : null;
      const runs = only?.kind === "paragraph" ? only.runs : [];
      cells.push({ text: blocks.map(blockText).filter(Boolean).join("\n"), runs, blocks });
    }
    return { header: inHead || (th > 0 && th === cells.length), cells, span: this.span(tr) };
  }

  private definitions(el: Element): Block[] {
    const items: Definitions["items"] = [];
    let term: { text: string; node: Element } | null = null;
    for (const c of el.childNodes) {
      if (!isElement(c)) continue;
      if (c.tagName === "dt") term = { text: textOf(c).replace(/\s+/g, " ").trim(), node: c };
      else if (c.tagName === "dd") {
        // a description may hold a list (the topics of a W3C summary): its items are lines
        const inner = this.blocks(c);
        const only = inner.length === 1 ? inner[0]! : null;
        const runs = only?.kind === "paragraph" ? only.runs : foldRuns(this.runs(c.childNodes));
        const text = inner.length
          ? inner.map(blockText).join("\n").trim()
          : runs
              .map((r) => r.text)
              .join("")
              .trim();
        items.push({
          term: term?.text ?? "",
          text,
          runs: trimRuns(runs),
          span: this.span(term?.node ?? c, c),
        });
        term = null;
      }
    }
    return items.length ? [{ kind: "definitions", items, span: this.span(el) }] : [];
  }
}

function findCheckbox(li: Element): boolean | null {
  for (const c of li.childNodes) {
    if (!isElement(c)) continue;
    if (c.tagName === "input" && attr(c, "type") === "checkbox")
      return attr(c, "checked") !== undefined;
    if (c.tagName === "p" || c.tagName === "label" || c.tagName === "span") {
      const inner = findCheckbox(c);
      if (inner !== null) return inner;
    }
  }
  return null;
}

// Real web links only: a javascript: or relative target is not a link of the report.
function linkTarget(href: string | undefined): string | null {
  const h = (href ?? "").trim();
  return /^(?:https?:|ftp:|www\.)/i.test(h) ? h : null;
}

const ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];

function marker(n: number, type: string | undefined): string {
  if (type === "i") return `${ROMAN[(n - 1) % ROMAN.length]}.`;
  if (type === "I") return `${ROMAN[(n - 1) % ROMAN.length]!.toUpperCase()}.`;
  if (type === "a") return `${String.fromCharCode(96 + ((n - 1) % 26) + 1)}.`;
  if (type === "A") return `${String.fromCharCode(64 + ((n - 1) % 26) + 1)}.`;
  return `${n}.`;
}

function trimRuns<T extends Run>(runs: T[]): T[] {
  const out = runs.map((r) => ({ ...r }));
  while (out.length && !out[0]!.text.trim()) out.shift();
  while (out.length && !out[out.length - 1]!.text.trim()) out.pop();
  if (out.length) {
    out[0]!.text = out[0]!.text.replace(/^\s+/, "");
    out[out.length - 1]!.text = out[out.length - 1]!.text.replace(/\s+$/, "");
  }
  return out;
}

/** The plain text of a block, its lines joined by "\n" (a cell's or an item's blocks). */
export function blockText(b: Block): string {
  switch (b.kind) {
    case "heading":
      return b.text;
    case "paragraph":
      return b.text;
    case "list":
      return b.items
        .map((i) => [i.text, ...i.blocks.map(blockText)].filter(Boolean).join("\n"))
        .join("\n");
    case "table":
      return b.rows.map((r) => r.cells.map((c) => c.text).join(" | ")).join("\n");
    case "definitions":
      return b.items.map((i) => `${i.term}: ${i.text}`).join("\n");
    case "quote":
      return b.blocks.map(blockText).join("\n");
    default:
      return "";
  }
}

// How far a paragraph's style sets it in ("margin-left:2em"), in steps of about 2em.
function indentOf(el: Element): number {
  const style = el.attrs.find((a) => a.name === "style")?.value ?? "";
  const m = /(?:margin|padding)-left\s*:\s*([\d.]+)\s*(em|rem|px|pt|cm|mm|in)?/i.exec(style);
  if (!m) return 0;
  const em =
    Number(m[1]) /
    ({ px: 16, pt: 12, cm: 0.42, mm: 4.2, in: 0.167 }[(m[2] ?? "px").toLowerCase() as "px"] ?? 1);
  return Math.max(0, Math.min(6, Math.round(em / 2)));
}
