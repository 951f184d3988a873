// The first-load JS floor (bench/first-load-js.ts): an App Router page with nothing of ours in it, built
// with the project's own Next.js, React and config, so it ships what React and Next alone ship.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
