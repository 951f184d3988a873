// Renders a preview tree (lib/studio/preview-tree.ts) with React, mapping each component element to the
// component students get. Plain data in, elements out: nothing is evaluated (docs/decisions/0005).
import type { Root } from "hast";
import { toJsxRuntime, type Components } from "hast-util-to-jsx-runtime";
import type { ComponentType, ReactNode } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";

export function renderPreviewTree(tree: Root, components: Record<string, ComponentType<never>>): ReactNode {
  // Typed here: hast-util-to-jsx-runtime returns the global JSX.Element, which React 19 no longer declares.
  return toJsxRuntime(tree, { Fragment, jsx, jsxs, components: components as unknown as Partial<Components>, passKeys: true }) as ReactNode;
}
