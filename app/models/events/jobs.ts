// The names of the events' background jobs (handled in waitlist.server.ts and emails.server.ts).


export const EVENT_FILL_JOB = "event.fill";
export const EVENT_OFFER_EXPIRE_JOB = "event.offer-expire";
export const EVENT_REMINDER_JOB = "event.reminder";
/** One email about an RSVP (confirmation, waitlist, offer), queued in the transaction of the change it is about. */
export const EVENT_EMAIL_JOB = "event.email";
export const EVENT_ANNOUNCE_JOB = "event.announce";
export const EVENT_WRAP_UP_JOB = "event.wrap-up";
