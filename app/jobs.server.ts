// Importing this module registers every background job handler with the runner.
import "./utils/email.server";
import "./models/fan-invites.server";
import "./models/csv-import.server";
import "./models/scoops/notify.server";
import "./models/events/waitlist.server";
import "./models/events/emails.server";
import "./models/seeding/pipeline.server";
import "./models/posts/metrics.server";
import "./models/discovery/discovery.server";
import "./models/qualification/refresh.server";
