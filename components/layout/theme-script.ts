// Runs inline before first paint (app/layout.tsx) so dark mode never flashes light. The page CSP allows
// inline scripts because prerendered pages cannot carry a nonce (docs/decisions/0008-content-security-policy.md).
export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem("theme");var d=t?t==="dark":matchMedia("(prefers-color-scheme: dark)").matches;document.documentElement.classList.toggle("dark",d)}catch(e){}})()`;
