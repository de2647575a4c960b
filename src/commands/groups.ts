import type { Db } from "../store/db.js";
import { listGroups } from "../store/read.js";
import type { Viewer } from "../model/viewer.js";

/** Groups with the number of their meetings the viewer may see. */
export const groups = (db: Db, v: Viewer) => listGroups(db, v);
