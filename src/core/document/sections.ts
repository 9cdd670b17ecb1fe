// The section a topic belongs to, as the dashboard, the study history, readiness, the mock
// interview report and the card export name it: topics outside any section are "Other topics".
import type { Topic } from './document';

export const OTHER_TOPICS = 'Other topics';

/**
 * The title of `topic`'s section, else `fallback`. The card export passes the document's title:
 * its tags name a section, and a document without sections is one.
 */
export function sectionTitle(topic: Pick<Topic, 'section'> | undefined, fallback = OTHER_TOPICS): string {
  return topic?.section?.title ?? fallback;
}
