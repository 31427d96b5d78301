import { common } from "./common";
import { auth } from "./auth";
import { members } from "./members";
import { profile } from "./profile";
import { validation } from "./validation";
import { nav } from "./nav";
import { dashboard } from "./dashboard";
import { brief } from "./brief";
import { policies } from "./policies";
import { items } from "./items";
import { framework } from "./framework";
import { activity } from "./activity";
import { inbox } from "./inbox";
import { vocab } from "./vocab";
import { editor } from "./editor";
import { comments } from "./comments";
import { annotations } from "./annotations";
import { revisions } from "./revisions";
import { presence } from "./presence";
import { matrix } from "./matrix";
import { intake } from "./intake";
import { live } from "./live";
import { sessions } from "./sessions";
import { mail } from "./mail";
import { savedSearches } from "./saved-searches";
import { reports } from "./reports";

/** The Korean catalog: the reference every other catalog must match key for key. */
export const ko = { common, auth, members, profile, validation, nav, dashboard, brief, policies, items, framework, activity, inbox, vocab, editor, comments, annotations, revisions, presence, matrix, intake, live, sessions, mail, savedSearches, reports } as const;
