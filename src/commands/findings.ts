import type { Db } from "../store/db.js";
import { listFindings } from "../store/read.js";
import type { Viewer } from "../model/viewer.js";

/** The consistency findings of every meeting the viewer may see. */
export const findings = (db: Db, v: Viewer) => listFindings(db, v);
