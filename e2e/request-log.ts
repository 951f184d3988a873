// A logging reverse proxy in front of the app server: the browser loads pages through it, so every
// request that reaches the server from that page (or from any worker or frame it starts) is recorded
// here, at the server side of the wire, whatever the browser reports about itself.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RequestLog = {
  /** The proxy's origin: load pages from here. */
  origin: string;
  /** Paths (with query) of every request received so far. */
  paths: () => string[];
  close: () => Promise<void>;
};

export async function startRequestLog(target: string): Promise<RequestLog> {
  const upstream = new URL(target);
  const paths: string[] = [];
  const server = http.createServer((request, response) => {
    paths.push(request.url ?? "");
    const forwarded = http.request(
      { host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: { ...request.headers, host: upstream.host } },
      (reply) => {
        response.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(response);
      },
    );
    forwarded.on("error", () => response.destroy());
    request.pipe(forwarded);
  });
  // WebSocket upgrades are logged too (and refused: the app serves none).
  server.on("upgrade", (request, socket) => {
    paths.push(request.url ?? "");
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    paths: () => [...paths],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
