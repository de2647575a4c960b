import type { z } from "zod";
import type { Db } from "../store/db.js";
import { participation as readParticipation } from "../store/read.js";
import type { Viewer } from "../model/viewer.js";
import type { MeetingFilter } from "./inputs.js";

/** Attendance and stakeholder balance per meeting the viewer may see. */
export const participation = (db: Db, v: Viewer, f: z.infer<typeof MeetingFilter>) =>
  readParticipation(db, v, f);
