import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import type { FastifyInstance } from "fastify";
import type { Db } from "../src/store/db.js";
import { seededApp } from "./web-helpers.js";
import { ROOT } from "./helpers.js";

// End-to-end in Debian's Chromium (installed by .ci/run), with axe-core's WCAG 2.1 AA rules.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SHOTS = join(ROOT, "test-artifacts/screenshots");
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

let app: FastifyInstance,
  db: Db,
  token: string,
  secretId: number,
  hostileId: number,
  base: string,
  browser: Browser;

beforeAll(async () => {
  ({ app, db, token, secretId, hostileId } = await seededApp());
  await app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await db?.close();
});

async function open(path: string, width = 1280): Promise<Page> {
  // axe is injected as a script, so this context lets it past the page's CSP
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
  const page = await ctx.newPage();
  await page.goto(base + path);
  return page;
}

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const r = await (
      window as unknown as {
        axe: {
          run(o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run({ runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
  });
  return result;
}

async function shots(path: string, name: string): Promise<void> {
  for (const [label, width] of [
    ["wide", 1280],
    ["narrow", 390],
  ] as const) {
    const page = await open(path, width);
    await page.screenshot({ path: join(SHOTS, `${name}-${label}.png`), fullPage: true });
    if (width === 390) {
      // usable at a phone's width: nothing forces sideways scrolling of the page
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, `${path} overflows at 390px`).toBeLessThanOrEqual(1);
    }
    expect(await axe(page), `${path} at ${width}px`).toEqual([]);
    await page.context().close();
  }
}

describe("web app in a real browser", () => {
  it("opens the home page, searches and follows a hit to its meeting", async () => {
    await shots("/", "home");
    const page = await open("/");
    await page.getByRole("link", { name: "Search" }).first().click();
    await page.getByLabel("Words").fill("budget");
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => page.locator("article.hit").count()).toBeGreaterThan(0);
    expect(await page.locator("article.hit mark").first().textContent()).toMatch(/budget/i);
    await shots("/search?q=budget", "search");
    await page.locator("article.hit h3 a").first().click();
    await page.waitForURL(/\/meetings\/\d+/);
    expect(await page.locator("h1").textContent()).toMatch(/meeting/i);
    await page.context().close();
  });

  it("shows a meeting with its source lines, and follows a speaker to the person page", async () => {
    const meetings = (await app.inject("/api/meetings?group=ODSB")).json().meetings;
    const path = `/meetings/${meetings[0].id}`;
    await shots(path, "meeting");
    const page = await open(path);
    await page.locator("a.srcref").first().click();
    expect(await page.locator(".source span.hl").count()).toBeGreaterThan(0);
    await page.locator("#s1 a[href^='/people/']").first().click();
    await page.waitForURL(/\/people\//);
    expect(await page.locator("h1").textContent()).toBe("Kenji Morimoto");
    await shots(new URL(page.url()).pathname, "person");
    await page.context().close();
  });

  it("renders the participation charts and the actions board accessibly", async () => {
    await shots("/participation", "participation");
    await shots("/actions", "actions");
    await shots("/topics/budget", "topic");
    // the period report a secretariat sends: its dates in the title, readable on a phone
    await shots("/groups/ODSB/report", "period-report");
    await shots("/groups/ODSB/decisions", "decisions");
    const report = await open("/groups/ODSB/report");
    expect(await report.locator("h1").textContent()).toMatch(/ODSB|Open Data Steering Board/);
    expect(await report.locator("h1").textContent()).toMatch(/\d{4} – \d+ \w+ \d{4}/);
    await report.context().close();
    const page = await open("/participation");
    expect(await page.locator("svg").count()).toBeGreaterThanOrEqual(2);
    await page.context().close();
  });

  it("never runs a hostile report's script", async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    let dialog = false;
    page.on("dialog", async (d) => {
      dialog = true;
      await d.dismiss();
    });
    await page.goto(`${base}/meetings/${hostileId}`);
    for (const el of await page.locator("a").all()) {
      const href = await el.getAttribute("href");
      expect(href ?? "").not.toMatch(/^javascript:/i);
    }
    await page
      .locator("text=click me")
      .first()
      .click()
      .catch(() => undefined);
    await page.mouse.move(10, 10);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await page.locator("img").count()).toBe(0);
    expect(dialog).toBe(false);
    await ctx.close();
  });

  it("hides a members-only meeting when logged out and shows it to an editor, who uploads a .docx", async () => {
    const anon = await open(`/meetings/${secretId}`);
    expect(await anon.locator("h1").textContent()).toBe("Not found");
    await anon.context().close();

    const page = await open("/login");
    expect(await axe(page)).toEqual([]);
    await page.getByLabel("Editor token").fill(token);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(/\/curate/);
    expect(await axe(page)).toEqual([]);
    await page.goto(`${base}/meetings/${secretId}`);
    expect(await page.locator("h1").textContent()).toMatch(/Closed Strategy Circle/);
    await page.goto(`${base}/curate`);
    await page
      .getByLabel(/Report/)
      .setInputFiles(join(ROOT, "fixtures/reports/policy-network-docx/input.docx"));
    await page.getByRole("button", { name: "Extract and preview" }).click();
    await page.waitForURL(/\/curate\/preview/);
    expect(await page.locator("pre.source").textContent()).toContain(
      "Policy Network on Digital Inclusion",
    );
    await page.getByRole("button", { name: "Save to the store" }).click();
    await page.waitForURL(/\/meetings\/\d+/);
    expect(await page.locator("h1").textContent()).toMatch(
      /Policy Network on Digital Inclusion — meeting 3/,
    );
    await page.context().close();
  });

  it("lets an editor correct a meeting with the keyboard alone, and marks the correction", async () => {
    const id = (await (await fetch(`${base}/api/meetings?group=ODSB`)).json()).meetings.at(-1).id;
    const page = await open("/login");
    await page.getByLabel("Editor token").fill(token);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/curate/);
    await page.goto(`${base}/meetings/${id}`);
    await page.getByRole("link", { name: "Edit this meeting" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/edit$/);
    expect(await axe(page)).toEqual([]);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(SHOTS, `edit-${width}.png`), fullPage: true });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, `edit page overflows at ${width}px`).toBeLessThanOrEqual(1);
    }
    // from the group field, Tab moves on to the acronym and then the number
    await page.getByLabel("Group", { exact: true }).focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-number");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("88");
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/meetings/${id}$`));
    expect(await page.locator("h1").textContent()).toMatch(/meeting 88/);
    expect(await page.locator(".badge.corrected").first().textContent()).toMatch(
      /corrected by Test Editor/,
    );
    expect(await axe(page)).toEqual([]);
    await page.getByRole("button", { name: "Revert to the report: Number" }).focus();
    await page.keyboard.press("Enter");
    // the same address again: wait for the mark to go
    await page.locator(".badge.corrected").first().waitFor({ state: "detached" });
    expect(await page.locator("h1").textContent()).not.toMatch(/meeting 88/);
    await page.context().close();
    await shots(`/meetings/${id}/history`, "history");
  });

  it("ignores a form another site (another port of this host, another host) posts with the editor's cookie", async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel("Editor token").fill(token);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(/\/curate/);
    // a page on another port that posts "unhide" to the app as soon as it loads
    const evil: Server = createServer((_req, res) => {
      res.setHeader("content-type", "text/html");
      res.end(
        `<form id="f" method="post" action="${base}/curate/members-only"><input name="id" value="${secretId}"><input name="value" value="false"></form><script>document.getElementById("f").submit()</script>`,
      );
    });
    await new Promise<void>((r) => evil.listen(0, "127.0.0.1", r));
    const evilPort = (evil.address() as { port: number }).port;
    try {
      for (const host of ["127.0.0.1", "localhost"]) {
        const answer = page.waitForResponse((r) => r.url().endsWith("/curate/members-only"));
        await page.goto(`http://${host}:${evilPort}/`);
        // same host, other port: the cookie goes along (SameSite ignores ports) and the
        // guard refuses it; another host: the cookie stays home and the write is anonymous
        expect((await answer).status(), host).toBe(host === "127.0.0.1" ? 403 : 401);
      }
      const anon = await open(`/meetings/${secretId}`);
      expect(await anon.locator("h1").textContent()).toBe("Not found");
      await anon.context().close();
    } finally {
      evil.close();
      await ctx.close();
    }
  });
});
