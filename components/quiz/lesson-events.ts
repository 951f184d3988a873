// Events between a lesson's islands, in a module of its own so that listening for one does not pull the
// quiz runner into the page's first-load JS.
export const LESSON_COMPLETED_EVENT = "af:lesson-completed";
