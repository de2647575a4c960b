import { readDocument } from "../readers/index.js";
import { extract, looksLikeReport, storable, EXTRACTOR_VERSION } from "../extract/pipeline.js";
import { RapporteurError } from "../model/errors.js";
import type { FullRecord } from "../model/record.js";
import {
  meetingRows,
  unitsOf,
  unitTokens,
  tokenLists,
  type MeetingRows,
} from "../store/meeting-rows.js";
import type { Lexize, Stemmer } from "../store/tsvector.js";

/** One report to read: its bytes, the name it is known by, where it came from. */
export interface ReportInput {
  bytes: Uint8Array;
  source: string;
  path: string;
  sha256: string;
  contentType?: string | undefined;
}

/** Bytes of a report to its checked full record; refuses texts that are not reports. */
export async function extractReport(
  input: Pick<ReportInput, "bytes" | "source" | "contentType">,
): Promise<FullRecord> {
  return (await readReport(input)).record;
}

async function readReport(input: Pick<ReportInput, "bytes" | "source" | "contentType">) {
  const doc = await readDocument(input.bytes, input.source, input.contentType);
  if (!doc.lines.some((l) => l.trim()))
    throw new RapporteurError("empty-file", `${input.source}: the file has no text`);
  const record = extract(doc);
  if (!looksLikeReport(record)) {
    throw new RapporteurError(
      "not-a-report",
      `${input.source}: does not look like a meeting report (no meeting date, number, agenda, discussion or participant list found)`,
    );
  }
  return { doc, record };
}

/**
 * Reads, extracts and indexes one report into the rows the store saves, refusing what
 * does not look like a meeting report. Runs in the extraction worker (`lexize` then asks
 * the thread that owns the store).
 */
export async function prepareReport(
  input: ReportInput,
  stemmer: Stemmer,
  lexize: Lexize,
): Promise<MeetingRows> {
  const { doc, record } = await readReport(input);
  const stored = storable(record);
  const units = unitsOf(stored, doc.lines),
    tokens = unitTokens(units);
  await stemmer.learn(lexize, tokenLists(tokens));
  return meetingRows(
    {
      path: input.path,
      source: input.source,
      format: doc.format,
      content: input.bytes,
      sha256: input.sha256,
      extractorVersion: EXTRACTOR_VERSION,
    },
    stored,
    doc.lines,
    units,
    tokens,
    stemmer,
    { nicknames: record.nicknames, statements: record.statements },
  );
}
