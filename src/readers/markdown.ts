import { fromMarkdown } from "mdast-util-from-markdown";
import { gfm } from "micromark-extension-gfm";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { frontmatter } from "micromark-extension-frontmatter";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { parse as parseYaml } from "yaml";
import { decodeHTML } from "entities";
import type { Nodes, RootContent, PhrasingContent, ListItem as MdItem } from "mdast";
import type { Block, LineDoc, ListItem, Run, Span } from "../model/line-doc.js";
import { decodeText, splitLines } from "./decode.js";
import { RapporteurError } from "../model/errors.js";
import { LIMITS } from "../model/limits.js";
import { htmlBlocks, blockText } from "./dom.js";
import { emphasisOf, foldRuns } from "./runs.js";

type Styled = Run & { em: boolean; href?: string };

/** Markdown: the lines as written, and the tree a CommonMark/GFM parser gives. */
export function readMarkdown(bytes: Uint8Array, source: string): LineDoc {
  const lines = splitLines(decodeText(bytes, source));
  return { source, format: "md", lines, blocks: markdownBlocks(lines.join("\n"), lines, source) };
}

/**
 * Markdown (CommonMark with GitHub's tables, task lists and autolinks, and YAML front
 * matter) into blocks whose spans are the file's own lines. HTML written inside the
 * Markdown (Jekyll posts converted from Word often are) goes through the HTML reader,
 * its spans kept on the file's lines.
 */
export function markdownBlocks(text: string, lines: readonly string[], source: string): Block[] {
  const tree = fromMarkdown(text, PARSE_OPTIONS);
  checkNesting(tree, source);
  return new MdWalker(lines, source).blocks(tree.children);
}

// Built once: making the GFM syntax extensions for every file cost more than the parse.
const PARSE_OPTIONS = {
  extensions: [gfm(), frontmatter(["yaml"])],
  mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(["yaml"])],
};

function checkNesting(root: Nodes, source: string): void {
  const stack: [Nodes, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > LIMITS.nesting)
      throw new RapporteurError(
        "unreadable-file",
        `${source}: nested too deeply (more than ${LIMITS.nesting} levels of quotes or lists); is it the right file?`,
      );
    if ("children" in node) for (const c of node.children) stack.push([c, depth + 1]);
  }
}

const span = (n: {
  position?: { start: { line: number }; end: { line: number } } | undefined;
}): Span => ({
  line: n.position?.start.line ?? 1,
  endLine: n.position?.end.line ?? n.position?.start.line ?? 1,
});

class MdWalker {
  constructor(
    private lines: readonly string[],
    private source: string,
  ) {}

  blocks(nodes: readonly RootContent[]): Block[] {
    const out: Block[] = [];
    for (const n of nodes) out.push(...this.block(n));
    return out;
  }

  private block(n: RootContent): Block[] {
    switch (n.type) {
      case "yaml":
        return [{ kind: "frontmatter", entries: frontMatter(n.value), span: span(n) }];
      case "heading": {
        const runs = this.runs(n.children);
        const text = runs
          .map((r) => r.text)
          .join("")
          .replace(/\s+/g, " ")
          .trim();
        return text
          ? [{ kind: "heading", level: n.depth, text, emphasis: null, span: span(n) }]
          : [];
      }
      case "paragraph": {
        const runs = this.runs(n.children);
        const text = runs
          .map((r) => r.text)
          .join("")
          .replace(/[ \t]*\n[ \t]*/g, "\n")
          .trim();
        return text
          ? [{ kind: "paragraph", text, emphasis: emphasisOf(runs), runs, span: span(n) }]
          : [];
      }
      case "list":
        return [
          {
            kind: "list",
            ordered: !!n.ordered,
            items: n.children.map((it, i) =>
              this.item(it, n.ordered ? `${(n.start ?? 1) + i}.` : "-"),
            ),
            span: span(n),
          },
        ];
      case "table":
        return [
          {
            kind: "table",
            span: span(n),
            rows: n.children.map((row, r) => ({
              header: r === 0,
              span: span(row),
              cells: row.children.map((cell) => {
                const runs = this.runs(cell.children);
                const text = runs
                  .map((x) => x.text)
                  .join("")
                  .trim();
                return {
                  text,
                  runs,
                  blocks: text
                    ? [
                        {
                          kind: "paragraph" as const,
                          text,
                          emphasis: emphasisOf(runs),
                          runs,
                          span: span(cell),
                        },
                      ]
                    : [],
                };
              }),
            })),
          },
        ];
      case "blockquote":
        return [{ kind: "quote", blocks: this.blocks(n.children), span: span(n) }];
      case "code":
        return n.value.trim()
          ? [
              {
                kind: "paragraph",
                text: n.value,
                emphasis: null,
                runs: [{ text: n.value, strong: false }],
                span: span(n),
              },
            ]
          : [];
      case "html":
        return htmlBlocks(n.value, this.source, { fragment: true, firstLine: span(n).line }).blocks;
      case "thematicBreak":
        return [{ kind: "rule", span: span(n) }];
      default:
        return [];
    }
  }

  private item(it: MdItem, fallback: string): ListItem {
    const s = span(it);
    const raw = this.lines[s.line - 1] ?? "";
    const marker = /^\s*(?:>\s*)*([-*+•]|\d{1,9}[.)])/.exec(raw)?.[1] ?? fallback;
    const children = [...it.children];
    let runs: Styled[] = [];
    if (children[0]?.type === "paragraph")
      runs = this.runs((children.shift() as { children: PhrasingContent[] }).children);
    const text = runs
      .map((r) => r.text)
      .join("")
      .replace(/[ \t]*\n[ \t]*/g, "\n")
      .trim();
    return {
      marker,
      checked: it.checked ?? null,
      text,
      runs,
      blocks: this.blocks(children),
      span: s,
    };
  }

  /** Inline content as runs: bold, italic, link targets; a hard or soft break is "\n". */
  runs(nodes: readonly PhrasingContent[], strong = false, em = false, href?: string): Styled[] {
    const out: Styled[] = [];
    const add = (text: string) => {
      if (text) out.push({ text, strong, em, ...(href ? { href } : {}) });
    };
    for (const n of nodes) {
      switch (n.type) {
        case "text":
          add(n.value);
          break;
        case "inlineCode":
          add(n.value);
          break;
        case "break":
          add("\n");
          break;
        case "strong":
          out.push(...this.runs(n.children, true, em, href));
          break;
        case "emphasis":
          out.push(...this.runs(n.children, strong, true, href));
          break;
        case "delete":
          out.push(...this.runs(n.children, strong, em, href));
          break;
        case "link":
          out.push(
            ...this.runs(
              n.children,
              strong,
              em,
              /^(?:https?:|ftp:|www\.)/i.test(n.url) ? n.url : undefined,
            ),
          );
          break;
        case "linkReference":
          out.push(...this.runs(n.children, strong, em, href));
          break;
        case "html": {
          // inline markup: a <br> breaks the line, other tags are dropped, entities read
          if (/^<br\s*\/?>$/i.test(n.value)) add("\n");
          else if (!/^<\/?[a-z][^>]*>$/i.test(n.value))
            add(decodeHTML(n.value.replace(/<[^>]+>/g, "")));
          break;
        }
        case "image":
        case "imageReference":
        case "footnoteReference":
          break;
        default: {
          const rest = n as { children?: PhrasingContent[] };
          if (rest.children) out.push(...this.runs(rest.children, strong, em, href));
        }
      }
    }
    return foldRuns(out);
  }
}

/** YAML front matter as key/value pairs (scalars only); a broken block is read line by line. */
function frontMatter(yaml: string): { key: string; value: string }[] {
  try {
    const data = parseYaml(yaml, {
      prettyErrors: false,
      strict: false,
      maxAliasCount: 10,
    }) as unknown;
    if (data && typeof data === "object" && !Array.isArray(data)) {
      return Object.entries(data as Record<string, unknown>)
        .filter(([, v]) => v !== null && v !== undefined && typeof v !== "object")
        .map(([key, v]) => ({ key, value: decodeHTML(String(v)).trim() }));
    }
  } catch {
    /* read it line by line below */
  }
  return yaml.split("\n").flatMap((l) => {
    const m = /^([\w-]+)\s*:\s*(.+)$/.exec(l.trim());
    return m ? [{ key: m[1]!, value: decodeHTML(m[2]!.replace(/^["']|["']$/g, "")).trim() }] : [];
  });
}

export { blockText };
