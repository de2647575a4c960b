/** HTML that is already safe to send. Everything else interpolated into `html` is escaped. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESC: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
/** Escapes text for HTML content and attribute values. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);

type Part = Html | string | number | null | undefined | false | Part[];
const render = (p: Part): string =>
  p === null || p === undefined || p === false
    ? ""
    : p instanceof Html
      ? p.value
      : Array.isArray(p)
        ? p.map(render).join("")
        : escapeHtml(String(p));

/** Tagged template: report text is untrusted, so every value is escaped unless it is Html. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Html(out);
}

/** Trusted markup (our own SVG charts). */
export const raw = (s: string) => new Html(s);

/** A link target from report text: only web links, anything else becomes no link. */
export function safeUrl(url: string): string | null {
  const u = url.trim();
  if (/^https?:\/\//i.test(u)) return u;
  if (/^www\./i.test(u)) return `https://${u}`;
  return null;
}

/** A snippet with «hits» marked, escaped first. */
export const marked = (s: string) =>
  raw(escapeHtml(s).replace(/«/g, "<mark>").replace(/»/g, "</mark>"));
