import { Command, Option } from "commander";
import { processIo } from "../commands/io.js";
import { extractCommand } from "../commands/extract.js";
import { checkCommand } from "../commands/check.js";
import { demoCommand } from "../commands/demo.js";
import { isRapporteurError } from "../model/errors.js";

// The CLI only parses arguments; each command is a function of (cwd, options, io).
const program = new Command()
  .name("rapporteur")
  .description("Turns working-group summary reports into checked, linked meeting records.")
  .showHelpAfterError();

const run = (fn: () => Promise<number>) => async () => {
  try {
    process.exitCode = await fn();
  } catch (e) {
    if (!isRapporteurError(e)) throw e;
    processIo.err(`rapporteur: ${e.message}`);
    process.exitCode = e.exitCode;
  }
};

program
  .command("extract")
  .description("extract the meeting record of each report (.txt, .md, .html, .docx, .pdf)")
  .argument("<files...>", "report files")
  .addOption(new Option("--format <format>", "json (the MeetingRecord contract) or md (a readable digest)").choices(["json", "md"]).default("json"))
  .option("--out <dir>", "write <dir>/<file name>.json (or .md) per report instead of printing")
  .action((files: string[], opts) => run(() => extractCommand(process.cwd(), { files, format: opts.format, out: opts.out }, processIo))());

program
  .command("check")
  .description("lint reports: FILE:LINE: CODE message; exit 0 clean, 1 findings, 2 unreadable input")
  .argument("<files...>", "report files")
  .action((files: string[]) => run(() => checkCommand(process.cwd(), { files }, processIo))());

program
  .command("demo")
  .description("extract the bundled example reports and print their digests")
  .action(() => run(() => demoCommand(process.cwd(), {}, processIo))());

await program.parseAsync(process.argv);
