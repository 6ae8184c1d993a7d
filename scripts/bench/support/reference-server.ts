/**
 * The ceiling a benchmark's HTTP load is measured against: a bare Hono server on
 * `@hono/node-server`, as the service uses, with nothing of the service in it. `/hello` answers
 * a word; `/page` serialises the given JSON on every request, as a list route does, so what a
 * real route reaches below it is the cost of its own work (key check, query, mapping).
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

export interface ReferenceServer {
  url: string;
  close(): Promise<void>;
}

export function startReferenceServer(page: unknown): Promise<ReferenceServer> {
  const app = new Hono();
  app.get("/hello", (c) => c.text("hello"));
  app.get("/page", (c) => c.json(page as object));
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (address: AddressInfo) =>
      resolve({
        url: `http://127.0.0.1:${address.port}`,
        close: () =>
          new Promise<void>((closed) => {
            server.close(() => closed());
            if ("closeAllConnections" in server) server.closeAllConnections();
          }),
      }),
    );
  });
}
