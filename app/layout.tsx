import type { Metadata, Viewport } from "next";
import "./globals.css";
import { SiteHeader } from "@/components/layout/site-header";
import { THEME_SCRIPT } from "@/components/layout/theme-script";
import { ContentRefresher } from "@/components/dev/content-refresher";
import { interFontFamilies } from "@/components/layout/inter-font";
import { Providers } from "./providers";

// Read by --font-sans in globals.css; set on <html> so that it is in the document's first style.
const fontVariables = { "--font-inter": interFontFamilies() } as React.CSSProperties;

export const metadata: Metadata = {
  title: { default: "Alignment Foundations", template: "%s · Alignment Foundations" },
  description:
    "A course on the foundations of AI alignment: why fitting data is not enough, Goodhart's law, how data shapes generalisation, conformal property alignment, and evaluation in practice.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" style={fontVariables} suppressHydrationWarning>
      <head>
        {/* Sets the theme class before first paint, so dark mode never flashes light. */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-white font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-zinc-900 focus:shadow"
        >
          Skip to content
        </a>
        <Providers>
          <SiteHeader />
          {process.env.NODE_ENV === "development" && <ContentRefresher />}
          <main id="main" className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
            {children}
          </main>
          <footer data-site-footer className="mx-auto max-w-6xl px-4 py-10 text-sm text-zinc-600 sm:px-6 dark:text-zinc-400">
            Alignment Foundations is open source. Every claim in the course cites a checkable source.
          </footer>
        </Providers>
      </body>
    </html>
  );
}
