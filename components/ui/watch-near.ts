"use client";
// Loading a lesson's heavy parts (a quiz's runner, a figure's Plot and d3) only when the reader gets near
// them: reading a lesson needs none of that code, and a reader who never scrolls that far never runs it.

/** How close to the viewport counts as near: about a screen ahead, so the part is ready when it arrives. */
const NEAR = "600px 0px";

/**
 * Calls `onNear` once `element` is within NEAR of the viewport, is pointed at, or the reader uses the
 * keyboard anywhere: a keyboard user must be able to tab into a quiz's inputs or a figure's sliders, which
 * do not exist (a figure) or are disabled (a quiz rendered by the server) until the part is live. Returns a
 * cleanup.
 */
export function watchNear(element: Element, onNear: () => void): () => void {
  if (typeof IntersectionObserver === "undefined") {
    onNear();
    return () => {};
  }
  const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && near(), { rootMargin: NEAR });
  const stop = () => {
    observer.disconnect();
    element.removeEventListener("pointerenter", near);
    element.removeEventListener("focusin", near);
    window.removeEventListener("keydown", near);
  };
  function near() {
    stop();
    onNear();
  }
  observer.observe(element);
  element.addEventListener("pointerenter", near);
  element.addEventListener("focusin", near);
  window.addEventListener("keydown", near);
  return stop;
}
