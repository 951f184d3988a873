// Small facts about studio compiles that the server and the compile worker share, kept apart from the
// compiler so that importing them does not pull the MDX pipeline into the server bundle.

/** Salt for opaque quiz choice ids; the same as content:build uses. */
export const choiceIdSalt = () => process.env.QUIZ_CHOICE_ID_SALT || undefined;

/** The label diagnostics carry: the file the lesson would be in. */
export const studioFileLabel = (lessonSlug: string) => `${lessonSlug}.mdx`;
