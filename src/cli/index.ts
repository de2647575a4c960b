import { Command, Option } from "commander";
import { readFileSync } from "node:fs";
import { processIo } from "../runtime/io.js";
import { isRapporteurError } from "../model/errors.js";
import { terminalProgress } from "./progress.js";
import { noProgress } from "../runtime/progress.js";
import { ACTION_FILTERS } from "../model/actions.js";

// Output piped into `head` and closed early is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  else throw e;
});

// The CLI only parses arguments; each command is a function of (cwd, options, io), loaded
// when it is run (a command that serves pages should not make `ingest` load a web server).
const program = new Command()
  .name("rapporteur")
  .description("Turns working-group summary reports into checked, linked meeting records.")
  .version(packageVersion(), "-V, --version", "print Rapporteur's version")
  .showHelpAfterError();

const run = (fn: () => Promise<number>) => async () => {
  try {
    process.exitCode = await fn();
  } catch (e) {
    if (!isRapporteurError(e)) return unexpected(e);
    processIo.err(`rapporteur: ${e.message}`);
    process.exitCode = e.exitCode;
  }
};
// A fault of ours: one line to the user, the stack only when asked for.
function unexpected(e: unknown): void {
  if (process.env.RAPPORTEUR_DEBUG) throw e;
  const first = String((e as Error)?.message ?? e).split("\n")[0];
  processIo.err(
    `rapporteur: unexpected error: ${first} (a fault of Rapporteur; run again with RAPPORTEUR_DEBUG=1 for details and report it)`,
  );
  process.exitCode = 70;
}
const cwd = () => process.cwd();
/** Every option any command takes, as commander parses it; the commands check the values. */
interface CliOptions {
  data?: string;
  format?: string;
  out?: string;
  group?: string;
  person?: string;
  owner?: string;
  status?: string;
  from?: string;
  to?: string;
  host?: string;
  limit?: number;
  port?: number;
  withExamples?: boolean;
  note?: string;
  by?: string;
}
// Store commands go through the dispatcher: a server holding the store carries them out.
const store = (name: string, options: object, progress = noProgress) =>
  run(async () =>
    (await import("../commands/dispatch.js")).dispatchStoreCommand(
      name,
      cwd(),
      options,
      processIo,
      progress,
    ),
  )();
const DATA = [
  "--data <dir>",
  "embedded store folder (default ./rapporteur-data, or RAPPORTEUR_DATA); DATABASE_URL selects a PostgreSQL server instead",
] as const;

program
  .command("extract")
  .description("extract the meeting record of each report (.txt, .md, .html, .docx, .pdf)")
  .argument("<files...>", "report files")
  .addOption(
    new Option("--format <format>", "json (the MeetingRecord contract) or md (a readable digest)")
      .choices(["json", "md"])
      .default("json"),
  )
  .option("--out <dir>", "write <dir>/<file name>.json (or .md) per report instead of printing")
  .action((files: string[], o: CliOptions) =>
    run(async () =>
      (await import("../commands/extract.js")).extractCommand(
        cwd(),
        { files, format: o.format as "json" | "md", out: o.out },
        processIo,
      ),
    )(),
  );

program
  .command("check")
  .description(
    "lint reports: FILE:LINE: CODE message; exit 0 clean, 1 findings, 2 unreadable input",
  )
  .argument("<files...>", "report files")
  .action((files: string[]) =>
    run(async () =>
      (await import("../commands/check.js")).checkCommand(cwd(), { files }, processIo),
    )(),
  );

program
  .command("ingest")
  .description("add reports (files, folders, globs) to the store; unchanged files are skipped")
  .argument("<paths...>", "report files, folders or globs")
  .option(...DATA)
  .action((paths: string[], o: CliOptions) =>
    store("ingest", { paths, data: o.data }, terminalProgress("ingest")),
  );

program
  .command("reextract")
  .description("rebuild every stored record from its original with the current extractor")
  .option(...DATA)
  .action((o: CliOptions) => store("reextract", { data: o.data }, terminalProgress("reextract")));

const people = program
  .command("people")
  .description("everyone across meetings, with every spelling and the evidence for it")
  .addOption(
    new Option("--format <format>", "text or json").choices(["text", "json"]).default("text"),
  )
  .option(...DATA)
  .action((o: CliOptions) => store("people", { data: o.data, format: o.format }));
people
  .command("merge")
  .description("record that A and B are the same person (kept across re-ingest)")
  .argument("<a>", "a person's name, spelling or id")
  .argument("<b>", "another person's name, spelling or id")
  .option(...DATA)
  .action((a: string, b: string, o: CliOptions) =>
    store("people merge", { a, b, data: o.data ?? people.opts<CliOptions>().data }),
  );
people
  .command("split")
  .description("record that the spelling ALIAS is not person A (kept across re-ingest)")
  .argument("<person>", "a person's name or id")
  .argument("<alias>", "one of that person's spellings")
  .option(...DATA)
  .action((person: string, alias: string, o: CliOptions) =>
    store("people split", { person, alias, data: o.data ?? people.opts<CliOptions>().data }),
  );

program
  .command("search")
  .description('ranked full-text search: "a phrase", OR, -exclude, prefix*')
  .argument("<query...>", "what to look for")
  .option("--person <name>", "only sections where this person speaks")
  .option("--group <group>", "only this group (name or acronym)")
  .option("--from <date>", "meetings on or after YYYY-MM-DD")
  .option("--to <date>", "meetings on or before YYYY-MM-DD")
  .option("--limit <n>", "how many hits (default 20)", (v) => Number(v))
  .addOption(
    new Option("--format <format>", "text or json").choices(["text", "json"]).default("text"),
  )
  .option(...DATA)
  .action((query: string[], o: CliOptions) =>
    store("search", {
      q: query.join(" "),
      person: o.person,
      group: o.group,
      from: o.from,
      to: o.to,
      limit: o.limit,
      format: o.format,
      data: o.data,
    }),
  );

program
  .command("export")
  .description("print the whole store as JSON { meetings, people, documents, decisions }")
  .addOption(new Option("--format <format>", "json").choices(["json"]).default("json"))
  .option(...DATA)
  .action((o: CliOptions) => store("export", { data: o.data, format: o.format }));

program
  .command("import")
  .description(
    "restore an export into an empty store (backup, or a move between PGlite and PostgreSQL)",
  )
  .argument("<file>", "a file written by rapporteur export")
  .option(...DATA)
  .action((file: string, o: CliOptions) => store("import", { file, data: o.data }));

program
  .command("serve")
  .description("serve the web app and the JSON API (docs at /api/docs)")
  .option("--port <n>", "port (default 3000, or PORT)", (v) => Number(v))
  .option("--host <host>", "address to listen on", "127.0.0.1")
  .option("--with-examples", "on first run, add the bundled example reports")
  .option(...DATA)
  .action(async (o: CliOptions) => {
    try {
      const server = await (
        await import("./serve.js")
      ).serveCommand(
        cwd(),
        { port: o.port, host: o.host, withExamples: o.withExamples, data: o.data },
        processIo,
      );
      const stop = () => {
        void server.close().then(() => process.exit(0));
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    } catch (e) {
      if (!isRapporteurError(e)) return unexpected(e);
      processIo.err(`rapporteur: ${e.message}`);
      process.exitCode = e.exitCode;
    }
  });

program
  .command("token")
  .description("editor tokens for the web app and API")
  .command("create")
  .description("create an editor token (printed once)")
  .argument("<name>", "who the token is for")
  .option(...DATA)
  .action((name: string, o: CliOptions) => store("token create", { name, data: o.data }));

program
  .command("actions")
  .description("actions across meetings with status, owner and due date (overdue is computed)")
  .option("--group <group>", "only this group (name or acronym)")
  .addOption(
    new Option("--status <status>", "open, overdue, done or dropped").choices([...ACTION_FILTERS]),
  )
  .option("--owner <name>", "only actions of this owner")
  .addOption(
    new Option("--format <format>", "text or json").choices(["text", "json"]).default("text"),
  )
  .option(...DATA)
  .action((o: CliOptions) =>
    store("actions", {
      group: o.group,
      status: o.status,
      owner: o.owner,
      format: o.format,
      data: o.data,
    }),
  );

program
  .command("decisions")
  .description("the decisions register: what each meeting decided, newest first")
  .option("--group <group>", "only this group (name or acronym)")
  .addOption(
    new Option("--format <format>", "text or json").choices(["text", "json"]).default("text"),
  )
  .option(...DATA)
  .action((o: CliOptions) =>
    store("decisions", { group: o.group, format: o.format, data: o.data }),
  );

program
  .command("correct")
  .description(
    "correct fields of a stored meeting (kept through re-extraction): FIELD=JSON, a list as a whole list",
  )
  .argument("<meeting>", "the meeting's id or source file name")
  .argument(
    "<assignments...>",
    "FIELD=JSON, e.g. number=12 start=2021-05-06T14:30:00Z 'moderators=[\"Ada Lovelace\"]'",
  )
  .option("--note <text>", "why, kept in the history")
  .option("--by <name>", "who corrects (default: your user name)")
  .option(...DATA)
  .action((meeting: string, assignments: string[], o: CliOptions) =>
    store("correct", { meeting, assignments, note: o.note, by: o.by, data: o.data }),
  );

program
  .command("history")
  .description("every correction made to a stored meeting, oldest first")
  .argument("<meeting>", "the meeting's id or source file name")
  .addOption(
    new Option("--format <format>", "text or json").choices(["text", "json"]).default("text"),
  )
  .option(...DATA)
  .action((meeting: string, o: CliOptions) =>
    store("history", { meeting, format: o.format, data: o.data }),
  );

program
  .command("render")
  .description("write a stored meeting in the house report format (Markdown, DOCX or HTML)")
  .argument("<meeting>", "the meeting's id or source file name")
  .addOption(
    new Option("--format <format>", "md, docx or html")
      .choices(["md", "docx", "html"])
      .default("md"),
  )
  .option("--out <file>", "write to this file (needed for docx)")
  .option(...DATA)
  .action((meeting: string, o: CliOptions) =>
    store("render", { meeting, format: o.format, out: o.out, data: o.data }),
  );

program
  .command("draft")
  .description(
    "the next meeting's report skeleton: number + 1, announced date, open actions, usual participants",
  )
  .requiredOption("--group <group>", "the group's name or acronym")
  .option("--out <file>", "write to this file instead of printing")
  .option(...DATA)
  .action((o: CliOptions) => store("draft", { group: o.group, out: o.out, data: o.data }));

program
  .command("report")
  .description(
    "a period report: meetings, attendance and stakeholder balance, topics, decisions, actions",
  )
  .requiredOption("--group <group>", "the group's name or acronym")
  .option("--from <date>", "first day, YYYY-MM-DD")
  .option("--to <date>", "last day, YYYY-MM-DD")
  .addOption(
    new Option("--format <format>", "html (with charts), md or docx")
      .choices(["html", "md", "docx"])
      .default("html"),
  )
  .option("--out <file>", "write to this file (needed for docx)")
  .option(...DATA)
  .action((o: CliOptions) =>
    store("report", {
      group: o.group,
      from: o.from,
      to: o.to,
      format: o.format,
      out: o.out,
      data: o.data,
    }),
  );

program
  .command("topic")
  .description(
    "a term's timeline: meetings and sections that discuss it (acronyms expanded), speakers, actions",
  )
  .argument("<term...>", "a term or acronym")
  .addOption(
    new Option("--format <format>", "text or json").choices(["text", "json"]).default("text"),
  )
  .option(...DATA)
  .action((term: string[], o: CliOptions) =>
    store("topic", { term: term.join(" "), format: o.format, data: o.data }),
  );

program
  .command("calendar")
  .description("a group's held and announced meetings as an iCalendar (.ics) file")
  .requiredOption("--group <group>", "the group's name or acronym")
  .option(...DATA)
  .action((o: CliOptions) => store("calendar", { group: o.group, data: o.data }));

program
  .command("demo")
  .description("extract the bundled example reports and print their digests")
  .action(() =>
    run(async () => (await import("../commands/demo.js")).demoCommand(cwd(), {}, processIo))(),
  );

await program.parseAsync(process.argv);

// The package's version, read at start from package.json (two folders up from src/cli or
// dist/cli), so `--version` loads nothing else.
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}
