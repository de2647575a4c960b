import { html, type Html } from "../../render/html.js";

/** The page frame: landmarks, skip link, navigation and the editor's login state. */
export function layout(p: {
  title: string;
  editor: string | null;
  body: Html;
  path?: string;
}): string {
  const nav = [
    ["/", "Home"],
    ["/search", "Search"],
    ["/actions", "Actions"],
    ["/participation", "Participation"],
    ["/curate", "Curate"],
  ];
  return `<!doctype html>${html`<html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${p.title} · Rapporteur</title>
      <link rel="stylesheet" href="/static/app.css" />
      <script src="/static/app.js" defer></script>
    </head>
    <body>
      <a class="skip" href="#main">Skip to content</a>
      <header class="top">
        <p class="brand"><a href="/">Rapporteur</a></p>
        <nav aria-label="Main">
          <ul>
            ${nav.map(([href, label]) => html`<li><a href="${href}" ${p.path === href ? html` aria-current="page"` : ""}>${label}</a></li>`)}
          </ul>
        </nav>
        <p class="who">
          ${p.editor ? html`Editor: ${p.editor} · <a href="/logout">Log out</a>` : html`<a href="/login">Editor login</a>`}
        </p>
      </header>
      <main id="main">${p.body}</main>
      <footer><p>Rapporteur keeps a working group's memory from its summary reports.</p></footer>
    </body>
  </html>`.toString()}`;
}
