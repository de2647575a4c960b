import type { Io } from "../runtime/io.js";
import type { Progress } from "../runtime/progress.js";

/** A store command as the CLI and the command channel call it. */
export type StoreCommand = (
  cwd: string,
  options: never,
  io: Io,
  progress: Progress,
) => Promise<number>;

/**
 * The commands that work on the store, by name, each loaded only when it runs. A server
 * holding an embedded store runs these for other processes (see runtime/command-channel.ts).
 */
export const STORE_COMMANDS: Record<string, () => Promise<StoreCommand>> = {
  ingest: async () => (await import("./ingest.js")).ingestCommand,
  reextract: async () => (await import("./reextract.js")).reextractCommand,
  people: async () => (await import("./people.js")).peopleCommand,
  "people merge": async () => (await import("./people.js")).mergeCommand,
  "people split": async () => (await import("./people.js")).splitCommand,
  search: async () => (await import("./search.js")).searchCommand,
  export: async () => (await import("./export.js")).exportCommand,
  import: async () => (await import("./import.js")).importCommand,
  "token create": async () => (await import("./token.js")).tokenCommand,
  actions: async () => {
    const f = (await import("./actions.js")).actionsCommand;
    return (cwd, o, io) => f(cwd, o, io);
  },
  decisions: async () => (await import("./decisions.js")).decisionsCommand,
  correct: async () => (await import("./correct-cli.js")).correctCommand,
  history: async () => (await import("./correct-cli.js")).historyCommand,
  render: async () => (await import("./render.js")).renderCommand,
  draft: async () => (await import("./draft.js")).draftCommand,
  report: async () => {
    const f = (await import("./report.js")).reportCommand;
    return (cwd, o, io) => f(cwd, o, io);
  },
  topic: async () => (await import("./topic.js")).topicCommand,
  calendar: async () => {
    const f = (await import("./calendar.js")).calendarCommand;
    return (cwd, o, io) => f(cwd, o, io);
  },
};

/** Runs a store command by name in this process. */
export async function runStoreCommand(
  name: string,
  cwd: string,
  options: object,
  io: Io,
  progress: Progress,
): Promise<number> {
  const load = STORE_COMMANDS[name];
  if (!load) throw new Error(`unknown store command ${name}`);
  return (await load())(cwd, options as never, io, progress);
}
