import { z } from "zod";

/** A message from the team to some ambassadors (directory bulk message, event attendees). */
export const MessageSchema = z.object({
  subject: z.string({ message: "Write a subject." }).trim().min(3, "Write a subject.").max(150, "Keep the subject under 150 characters."),
  body: z.string({ message: "Write the message." }).trim().min(3, "Write the message.").max(5000, "Keep the message under 5,000 characters."),
});
